import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CapturePage, CaptureSummary } from '../../shared/domain';
import { describeError, type HookbenchClient, isClientError } from '../client';
import { reduceCaptureEvents } from './captureEvents';
import { indexOfId, mergeFirstPage, mergeNewestFirst } from './captureList';
import {
  clickSelection,
  neighbourAfterDelete,
  pruneSelection,
  type Selection,
  selectionIds,
} from './captureSelection';
import type { CapturesActions, CapturesState } from './capturesTypes';
import { createThrottledTask } from './throttledTask';

export type { CapturesActions, CapturesState, DetailStatus, ListStatus } from './capturesTypes';

export type CapturesStoreState = CapturesState & CapturesActions;
export type CapturesStore = StoreApi<CapturesStoreState>;

export interface CapturesStoreOptions {
  client: HookbenchClient;
  /** Applies events that arrived before a command's answer, so both land in arrival order. */
  flushPendingEvents: () => void;
  pageSize?: number;
  /** While a filter is active, new captures re-query the first page at most this often. */
  refreshDelayMs?: number;
}

const DEFAULT_PAGE_SIZE = 200;
/**
 * Scrolling back through 100,000 captures: bigger pages mean fewer round trips, and fewer frames
 * that rebuild the list's row index (the virtualizer's, O(rows loaded)) for a new page (the core's cap).
 */
const OLDER_PAGE_SIZE = 2500;
const DEFAULT_REFRESH_DELAY_MS = 400;

export function createCapturesStore({
  client,
  flushPendingEvents,
  pageSize = DEFAULT_PAGE_SIZE,
  refreshDelayMs = DEFAULT_REFRESH_DELAY_MS,
}: CapturesStoreOptions): CapturesStore {
  // A newer load makes every older list request's answer stale.
  let listGeneration = 0;
  // Captures pushed while an unfiltered load is in flight: the page cannot contain the newest of them.
  let liveDuringLoad: readonly CaptureSummary[] | null = null;
  let detailRequest = 0;
  let addedDuringLoad = false;

  const query = (filter: string, beforeId?: number) => ({
    ...(beforeId === undefined ? {} : { beforeId }),
    limit: beforeId === undefined ? pageSize : Math.max(pageSize, OLDER_PAGE_SIZE),
    ...(filter === '' ? {} : { filter }),
  });

  return createStore<CapturesStoreState>()((set, get) => {
    const fetchDetail = (id: number) => {
      const request = ++detailRequest;
      set({ detailStatus: 'loading', detailError: null });
      client.call('getCapture', { id }).then(
        (detail) => {
          if (request !== detailRequest) return;
          set(detail ? { detail, detailStatus: 'ready' } : { detail: null, detailStatus: 'missing' });
        },
        (error: unknown) => {
          if (request !== detailRequest) return;
          set({ detailStatus: 'error', detailError: describeError(error, 'Could not load this capture.') });
        },
      );
    };

    const clearSelection = () => {
      detailRequest += 1;
      set({
        selectedId: null,
        selectedIds: new Set(),
        anchorId: null,
        detail: null,
        detailStatus: 'idle',
        detailError: null,
      });
    };

    const changeSelection = (next: Selection) => {
      const previous = get().selectedId;
      if (next.selectedId === null) {
        clearSelection();
        set({ selectedIds: next.selectedIds, anchorId: next.anchorId });
        return;
      }
      set(next);
      if (next.selectedId !== previous || get().detailStatus === 'error') fetchDetail(next.selectedId);
    };

    /** With a filter, pushed captures may or may not match: the core decides, on a throttled re-query. */
    const refresh = createThrottledTask(async () => {
      const generation = listGeneration;
      const { filter } = get();
      let page: CapturePage;
      try {
        page = await client.call('listCaptures', query(filter));
      } catch {
        return; // Nothing to show for it: the next arrival or a reload queries again.
      }
      flushPendingEvents();
      if (generation !== listGeneration || filter !== get().filter) return;
      set((state) => {
        const merged = mergeFirstPage(state.items, state.hasMore, page);
        return {
          ...merged,
          total: page.total,
          matched: page.matched,
          ...pruneSelection(state, merged.items),
        };
      });
    }, refreshDelayMs);

    const showPage = (page: CapturePage, filter: string, live: readonly CaptureSummary[]) => {
      const items = mergeNewestFirst(live, page.items);
      set({
        items,
        total: page.total,
        matched: filter === '' ? page.total : page.matched,
        hasMore: page.hasMore,
        filter,
        filterError: null,
        listStatus: 'ready',
      });
      set((state) => pruneSelection(state, items));
    };

    const fetchFirstPage = async (filter: string): Promise<boolean> => {
      const generation = ++listGeneration;
      const priorStatus = get().listStatus;
      liveDuringLoad = filter === '' ? [] : null;
      addedDuringLoad = false;
      set({ listStatus: 'loading', listError: null, loadingOlder: false, olderError: null });
      try {
        const page = await client.call('listCaptures', query(filter));
        flushPendingEvents();
        if (generation !== listGeneration) return false;
        const live = liveDuringLoad ?? [];
        liveDuringLoad = null;
        showPage(page, filter, live);
        // Arrivals while a filtered page was computed may be missing from it.
        if (filter !== '' && addedDuringLoad) refresh.schedule();
        return true;
      } catch (error) {
        if (generation !== listGeneration) return false;
        liveDuringLoad = null;
        // A refused filter leaves the list as it was, showing the previous filter's captures.
        if (filter !== '' && isClientError(error) && error.code === 'bad_request') {
          set({ listStatus: priorStatus === 'loading' ? 'ready' : priorStatus, filterError: error.message });
          return false;
        }
        set({ listStatus: 'error', listError: describeError(error, 'Could not load the captures.') });
        return false;
      }
    };

    const loadOlderPage = async () => {
      const { items, hasMore, loadingOlder, filter } = get();
      if (loadingOlder || !hasMore || liveDuringLoad !== null) return;
      const oldest = items[items.length - 1];
      if (!oldest) {
        // Everything loaded was removed but older captures remain: start over from the top.
        await get().load();
        return;
      }
      const generation = listGeneration;
      set({ loadingOlder: true, olderError: null });
      try {
        const page = await client.call('listCaptures', query(filter, oldest.id));
        flushPendingEvents();
        if (generation !== listGeneration) return;
        set((state) => ({
          items: mergeNewestFirst(state.items, page.items),
          total: page.total,
          matched: filter === '' ? page.total : page.matched,
          hasMore: page.hasMore,
          loadingOlder: false,
        }));
      } catch (error) {
        if (generation !== listGeneration) return;
        set({ loadingOlder: false, olderError: describeError(error, 'Could not load older captures.') });
      }
    };

    const deleteIds = async (ids: number[]): Promise<boolean> => {
      if (ids.length === 0) return false;
      const { items, selectedId } = get();
      // Like a mail client: after a delete, the row below takes the selection.
      const neighbour =
        selectedId !== null && ids.includes(selectedId) ? neighbourAfterDelete(items, ids) : null;
      set({ busy: 'deleting', actionError: null });
      try {
        const counts = await client.call('deleteCaptures', { ids });
        flushPendingEvents();
        get().applyEvents([{ name: 'capturesRemoved', payload: { ids, total: counts.total } }]);
        if (get().selectedId === null && neighbour !== null && indexOfId(get().items, neighbour) !== -1) {
          get().select(neighbour);
        }
        return true;
      } catch (error) {
        set({
          actionError: describeError(
            error,
            ids.length > 1 ? 'Could not delete the captures.' : 'Could not delete the capture.',
          ),
        });
        return false;
      } finally {
        set({ busy: null });
      }
    };

    return {
      items: [],
      total: 0,
      matched: 0,
      hasMore: false,
      filter: '',
      filterError: null,
      listStatus: 'idle',
      listError: null,
      loadingOlder: false,
      olderError: null,
      selectedId: null,
      selectedIds: new Set(),
      anchorId: null,
      detail: null,
      detailStatus: 'idle',
      detailError: null,
      busy: null,
      actionError: null,

      async load() {
        await fetchFirstPage(get().filter);
      },

      applyFilter(filter) {
        return fetchFirstPage(filter.trim());
      },

      loadOlder() {
        if (get().olderError !== null) return Promise.resolve();
        return loadOlderPage();
      },

      retryOlder() {
        set({ olderError: null });
        return loadOlderPage();
      },

      select(id) {
        if (id === null) {
          clearSelection();
          return;
        }
        changeSelection({ selectedId: id, selectedIds: new Set([id]), anchorId: id });
      },

      clickRow(id, modifiers) {
        changeSelection(clickSelection(get(), get().items, id, modifiers));
      },

      reloadDetail() {
        const { selectedId } = get();
        if (selectedId !== null) fetchDetail(selectedId);
      },

      deleteSelected() {
        return deleteIds(selectionIds(get()));
      },

      deleteCapture(id) {
        return deleteIds([id]);
      },

      async clearAll() {
        set({ busy: 'clearing', actionError: null });
        try {
          const counts = await client.call('clearCaptures', undefined);
          flushPendingEvents();
          get().applyEvents([{ name: 'capturesRemoved', payload: { ids: 'all', total: counts.total } }]);
          return true;
        } catch (error) {
          set({ actionError: describeError(error, 'Could not clear the captures.') });
          return false;
        } finally {
          set({ busy: null });
        }
      },

      async setMeta(patch) {
        const summary = await client.call('setCaptureMeta', patch);
        flushPendingEvents();
        get().applyEvents([{ name: 'captureUpdated', payload: summary }]);
      },

      applyEvents(events) {
        if (events.length === 0) return;
        const before = get();
        const outcome = reduceCaptureEvents(before, events, before.filter !== '', before.selectedId);
        if (liveDuringLoad)
          liveDuringLoad = reduceCaptureEvents(
            { ...before, items: liveDuringLoad },
            events,
            false,
            null,
          ).items;
        if (outcome.added) addedDuringLoad = true;
        const { items, total, matched, hasMore, detail } = outcome;
        set((state) => ({ items, total, matched, hasMore, detail, ...pruneSelection(state, items) }));
        if (outcome.refresh) refresh.schedule();
        if (outcome.selectedRemoved && before.selectedId !== null) {
          const rest = new Set(get().selectedIds);
          rest.delete(before.selectedId);
          clearSelection();
          set({ selectedIds: rest });
        }
      },

      dismissActionError() {
        set({ actionError: null });
      },
    };
  });
}
