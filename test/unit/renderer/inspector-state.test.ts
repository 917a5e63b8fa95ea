import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../renderer/client/clientError';
import {
  appendTerm,
  hasTerm,
  setKeyTerm,
  toggleTerm,
} from '../../../renderer/features/captures/filter/filterTerms';
import { reduceCaptureEvents } from '../../../renderer/state/captureEvents';
import { mergeFirstPage } from '../../../renderer/state/captureList';
import {
  clickSelection,
  EMPTY_SELECTION,
  neighbourAfterDelete,
  selectionIds,
} from '../../../renderer/state/captureSelection';
import { createCapturesStore } from '../../../renderer/state/capturesStore';
import type { CaptureSummary } from '../../../shared/domain';
import { captureSummary, fakeClient, tick } from './fakes';

const c = captureSummary;
const list = (...ids: number[]) => ids.map((id) => c(id));
const ids = (items: readonly CaptureSummary[]) => items.map((x) => x.id);

describe('multi-selection', () => {
  const items = list(9, 8, 7, 6, 5);
  it('click selects one, Ctrl toggles, Shift selects the range from the anchor', () => {
    let s = clickSelection(EMPTY_SELECTION, items, 8, { toggle: false, range: false });
    expect([...s.selectedIds]).toEqual([8]);
    s = clickSelection(s, items, 6, { toggle: false, range: true });
    expect([...s.selectedIds].sort()).toEqual([6, 7, 8]);
    expect(s.selectedId).toBe(6);
    expect(s.anchorId).toBe(8);
    s = clickSelection(s, items, 9, { toggle: true, range: false });
    expect(selectionIds(s)).toEqual([9, 8, 7, 6]);
    s = clickSelection(s, items, 9, { toggle: true, range: false });
    expect(selectionIds(s)).toEqual([8, 7, 6]);
    // The detail moves to the topmost row still selected.
    expect(s.selectedId).toBe(8);
  });
  it('picks the row below a deleted block, else the one above', () => {
    expect(neighbourAfterDelete(items, [8, 7])).toBe(6);
    expect(neighbourAfterDelete(items, [6, 5])).toBe(7);
    expect(neighbourAfterDelete(list(1), [1])).toBeNull();
  });
});

describe('filtered lists', () => {
  it('fold a re-queried first page in: the page is the truth in its range', () => {
    const loaded = list(10, 9, 8, 7, 6, 5);
    // 11 is new; 9 no longer matches (unpinned, say).
    expect(ids(mergeFirstPage(loaded, true, { items: list(11, 10, 8), hasMore: true }).items)).toEqual([
      11, 10, 8, 7, 6, 5,
    ]);
    // A page that cannot reach the loaded rows replaces them: a gap may lie between.
    const far = mergeFirstPage(loaded, true, { items: list(30, 29), hasMore: true });
    expect(ids(far.items)).toEqual([30, 29]);
    expect(mergeFirstPage(loaded, false, { items: list(11), hasMore: false }).items).toHaveLength(1);
  });

  it('do not take pushed captures as matches; they ask the core instead', () => {
    const snapshot = { items: list(5, 4), total: 10, matched: 2, hasMore: false, detail: null };
    const added = reduceCaptureEvents(
      snapshot,
      [{ name: 'capturesAdded', payload: { items: [c(11)], total: 11 } }],
      true,
      null,
    );
    expect(ids(added.items)).toEqual([5, 4]);
    expect(added).toMatchObject({ refresh: true, total: 11, matched: 2 });
    const unfiltered = reduceCaptureEvents(
      snapshot,
      [{ name: 'capturesAdded', payload: { items: [c(11)], total: 11 } }],
      false,
      null,
    );
    expect(ids(unfiltered.items)).toEqual([11, 5, 4]);
    expect(unfiltered).toMatchObject({ refresh: false, matched: 11 });
    const removed = reduceCaptureEvents(
      snapshot,
      [{ name: 'capturesRemoved', payload: { ids: [4], total: 9 } }],
      true,
      4,
    );
    expect(removed).toMatchObject({ matched: 1, selectedRemoved: true });
    const pinned = reduceCaptureEvents(
      snapshot,
      [{ name: 'captureUpdated', payload: c(5, { pinned: true }) }],
      false,
      null,
    );
    expect(pinned.items[0]?.pinned).toBe(true);
  });
});

describe('filter terms', () => {
  it('toggle, replace and append terms, respecting quotes', () => {
    expect(toggleTerm('', 'is:pinned')).toBe('is:pinned');
    expect(toggleTerm('body:"a b" is:pinned', 'is:pinned')).toBe('body:"a b"');
    expect(hasTerm('body:"a b" Kind:sdk-message', 'kind:sdk-message')).toBe(true);
    expect(setKeyTerm('bucket:old method:POST', 'bucket', 'my secret')).toBe(
      'method:POST bucket:"my secret"',
    );
    expect(appendTerm('status:4xx ', '$.login')).toBe('status:4xx $.login');
  });
});

describe('captures store with a filter', () => {
  it('applies a filter, keeps the list when the core refuses one, and re-queries on arrivals', async () => {
    const f = fakeClient();
    const store = createCapturesStore({
      client: f.client as never,
      flushPendingEvents: () => {},
      refreshDelayMs: 5,
    });
    const s = () => store.getState();
    const load = s().load();
    f.take('listCaptures').resolve({ items: list(3, 2, 1), total: 3, matched: 3, hasMore: false });
    await load;

    const good = s().applyFilter(' kind:sms-status-batch ');
    const call = f.take('listCaptures');
    expect(call.request).toEqual({ limit: 200, filter: 'kind:sms-status-batch' });
    call.resolve({ items: list(2), total: 3, matched: 1, hasMore: false });
    expect(await good).toBe(true);
    expect(s()).toMatchObject({ filter: 'kind:sms-status-batch', matched: 1, total: 3, filterError: null });

    const bad = s().applyFilter('status:abc');
    f.take('listCaptures').reject(new ClientError('bad_request', 'Filter: status takes a code.'));
    expect(await bad).toBe(false);
    expect(s()).toMatchObject({
      filter: 'kind:sms-status-batch',
      filterError: 'Filter: status takes a code.',
    });
    expect(ids(s().items)).toEqual([2]);
    expect(s().listStatus).toBe('ready');

    s().applyEvents([{ name: 'capturesAdded', payload: { items: [c(4), c(5)], total: 5 } }]);
    expect(ids(s().items)).toEqual([2]);
    await tick(20);
    const refresh = f.take('listCaptures');
    expect(refresh.request).toEqual({ limit: 200, filter: 'kind:sms-status-batch' });
    refresh.resolve({ items: list(5, 2), total: 5, matched: 2, hasMore: false });
    await tick();
    expect(ids(s().items)).toEqual([5, 2]);
    expect(s().matched).toBe(2);
  });

  it('deletes a multi-selection in one command and moves to the next row', async () => {
    const f = fakeClient();
    const store = createCapturesStore({ client: f.client as never, flushPendingEvents: () => {} });
    const s = () => store.getState();
    const load = s().load();
    f.take('listCaptures').resolve({ items: list(4, 3, 2, 1), total: 4, matched: 4, hasMore: false });
    await load;
    s().clickRow(4, { toggle: false, range: false });
    s().clickRow(3, { toggle: false, range: true });
    expect(f.calls.filter((x) => x.name === 'getCapture')).toHaveLength(2);
    const del = s().deleteSelected();
    const call = f.take('deleteCaptures');
    expect(call.request).toEqual({ ids: [4, 3] });
    call.resolve({ total: 2 });
    await del;
    expect(ids(s().items)).toEqual([2, 1]);
    expect(s().selectedId).toBe(2);
    expect([...s().selectedIds]).toEqual([2]);
  });
});
