/**
 * How pushed capture events change the loaded list. Pure, so the store stays
 * small and the rules (filtered lists re-query instead of prepending) are testable.
 */
import type { CaptureDetail, CaptureSummary } from '../../shared/domain';
import { addCaptures, removeCaptures, replaceCapture } from './captureList';
import type { CaptureEvent } from './events';

export interface ListSnapshot {
  items: readonly CaptureSummary[];
  total: number;
  matched: number;
  hasMore: boolean;
  detail: CaptureDetail | null;
}

export interface EventOutcome extends ListSnapshot {
  /** The filtered list may have changed in ways only the core can tell: re-query its first page. */
  refresh: boolean;
  /** The capture shown in the detail was deleted. */
  selectedRemoved: boolean;
  /** Captures were added (matching the filter or not). */
  added: boolean;
}

export function reduceCaptureEvents(
  snapshot: ListSnapshot,
  events: readonly CaptureEvent[],
  filtered: boolean,
  selectedId: number | null,
): EventOutcome {
  let { items, total, matched, hasMore, detail } = snapshot;
  let refresh = false;
  let selectedRemoved = false;
  let added = false;
  for (const event of events) {
    if (event.name === 'captureUpdated') {
      items = replaceCapture(items, event.payload);
      if (detail?.id === event.payload.id) detail = { ...detail, ...event.payload };
      // A pin or note can make a capture match the filter, or stop matching it.
      refresh ||= filtered;
      continue;
    }
    if (event.name === 'capturesAdded') {
      added = true;
      // Whether a new capture matches is the core's call, so a filtered list asks instead of guessing.
      if (filtered) refresh = true;
      else items = addCaptures(items, event.payload.items);
    } else if (event.payload.ids === 'all') {
      selectedRemoved ||= selectedId !== null;
      items = [];
      hasMore = false;
      matched = 0;
    } else {
      if (selectedId !== null && event.payload.ids.includes(selectedId)) selectedRemoved = true;
      const count = items.length;
      items = removeCaptures(items, event.payload.ids);
      if (filtered) matched = Math.max(0, matched - (count - items.length));
    }
    total = event.payload.total;
    if (!filtered) matched = total;
  }
  return { items, total, matched, hasMore, detail, refresh, selectedRemoved, added };
}
