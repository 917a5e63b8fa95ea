import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaptureDetail, CaptureSummary } from '../../shared/domain';
import { describeError, type HookbenchClient } from '../client';
import { addCaptures, indexOfId, mergeNewestFirst, removeCaptures } from './captureList';
import type { CaptureEvent } from './events';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';
export type DetailStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

export interface CapturesState {
  /** Newest first (highest id first). */
  items: readonly CaptureSummary[];
  total: number;
  hasMore: boolean;
  listStatus: ListStatus;
  listError: string | null;
  loadingOlder: boolean;
  olderError: string | null;
  selectedId: number | null;
  /** The last loaded detail; while another capture loads it may still belong to the previous selection. */
  detail: CaptureDetail | null;
  detailStatus: DetailStatus;
  detailError: string | null;
  busy: 'deleting' | 'clearing' | null;
  actionError: string | null;
}

export interface CapturesActions {
  /** Loads (or reloads, after a reconnect) the newest page. */
  load(): Promise<void>;
  /** Loads the page before the oldest loaded capture; a no-op while one is loading or after a failure. */
  loadOlder(): Promise<void>;
  retryOlder(): Promise<void>;
  select(id: number | null): void;
  reloadDetail(): void;
  deleteSelected(): Promise<boolean>;
  clearAll(): Promise<boolean>;
  applyEvents(events: readonly CaptureEvent[]): void;
  dismissActionError(): void;
}

export type CapturesStoreState = CapturesState & CapturesActions;
export type CapturesStore = StoreApi<CapturesStoreState>;

export interface CapturesStoreOptions {
  client: HookbenchClient;
  /** Applies events that arrived before a command's answer, so both land in arrival order. */
  flushPendingEvents: () => void;
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 200;

export function createCapturesStore({
  client,
  flushPendingEvents,
  pageSize = DEFAULT_PAGE_SIZE,
}: CapturesStoreOptions): CapturesStore {
  // A newer load makes every older list request's answer stale.
  let listGeneration = 0;
  // Captures pushed while a full load is in flight: the page cannot contain the newest of them.
  let liveDuringLoad: readonly CaptureSummary[] | null = null;
  let detailRequest = 0;

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
      set({ selectedId: null, detail: null, detailStatus: 'idle', detailError: null });
    };

    const loadOlderPage = async () => {
      const { items, hasMore, loadingOlder } = get();
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
        const page = await client.call('listCaptures', { beforeId: oldest.id, limit: pageSize });
        flushPendingEvents();
        if (generation !== listGeneration) return;
        set((state) => ({
          items: mergeNewestFirst(state.items, page.items),
          total: page.total,
          hasMore: page.hasMore,
          loadingOlder: false,
        }));
      } catch (error) {
        if (generation !== listGeneration) return;
        set({ loadingOlder: false, olderError: describeError(error, 'Could not load older captures.') });
      }
    };

    return {
      items: [],
      total: 0,
      hasMore: false,
      listStatus: 'idle',
      listError: null,
      loadingOlder: false,
      olderError: null,
      selectedId: null,
      detail: null,
      detailStatus: 'idle',
      detailError: null,
      busy: null,
      actionError: null,

      async load() {
        const generation = ++listGeneration;
        liveDuringLoad = [];
        set({ listStatus: 'loading', listError: null, loadingOlder: false, olderError: null });
        try {
          const page = await client.call('listCaptures', { limit: pageSize });
          flushPendingEvents();
          if (generation !== listGeneration) return;
          const items = mergeNewestFirst(liveDuringLoad ?? [], page.items);
          liveDuringLoad = null;
          set({ items, total: page.total, hasMore: page.hasMore, listStatus: 'ready' });
          const { selectedId } = get();
          if (selectedId !== null && indexOfId(items, selectedId) === -1) clearSelection();
        } catch (error) {
          if (generation !== listGeneration) return;
          liveDuringLoad = null;
          set({ listStatus: 'error', listError: describeError(error, 'Could not load the captures.') });
        }
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
        if (id === get().selectedId && get().detailStatus !== 'error') return;
        set({ selectedId: id });
        fetchDetail(id);
      },

      reloadDetail() {
        const { selectedId } = get();
        if (selectedId !== null) fetchDetail(selectedId);
      },

      async deleteSelected() {
        const { selectedId, items } = get();
        if (selectedId === null) return false;
        const index = indexOfId(items, selectedId);
        // Like a mail client: after a delete, the row below takes the selection.
        const neighbour = items[index + 1] ?? items[index - 1] ?? null;
        set({ busy: 'deleting', actionError: null });
        try {
          const counts = await client.call('deleteCaptures', { ids: [selectedId] });
          flushPendingEvents();
          get().applyEvents([
            { name: 'capturesRemoved', payload: { ids: [selectedId], total: counts.total } },
          ]);
          if (get().selectedId === null && neighbour && indexOfId(get().items, neighbour.id) !== -1) {
            get().select(neighbour.id);
          }
          return true;
        } catch (error) {
          set({ actionError: describeError(error, 'Could not delete the capture.') });
          return false;
        } finally {
          set({ busy: null });
        }
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

      applyEvents(events) {
        if (events.length === 0) return;
        const before = get();
        let { items, total, hasMore } = before;
        for (const event of events) {
          if (event.name === 'capturesAdded') {
            items = addCaptures(items, event.payload.items);
            if (liveDuringLoad) liveDuringLoad = addCaptures(liveDuringLoad, event.payload.items);
          } else if (event.payload.ids === 'all') {
            items = [];
            hasMore = false;
            if (liveDuringLoad) liveDuringLoad = [];
          } else {
            items = removeCaptures(items, event.payload.ids);
            if (liveDuringLoad) liveDuringLoad = removeCaptures(liveDuringLoad, event.payload.ids);
          }
          total = event.payload.total;
        }
        set({ items, total, hasMore });
        const { selectedId } = before;
        if (
          selectedId !== null &&
          indexOfId(before.items, selectedId) !== -1 &&
          indexOfId(items, selectedId) === -1
        ) {
          clearSelection();
        }
      },

      dismissActionError() {
        set({ actionError: null });
      },
    };
  });
}
