/**
 * Pure operations on the loaded capture list. The list is kept sorted by id,
 * highest first: ids are assigned in arrival order, so that is "newest first",
 * and it lets lookups use binary search instead of scanning 100,000 rows.
 */
import type { CaptureSummary } from '../../shared/domain';

type Items = readonly CaptureSummary[];

/** Index of `id` in a newest-first list, or -1. */
export function indexOfId(items: Items, id: number): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const midId = items[mid]?.id ?? 0;
    if (midId === id) return mid;
    if (midId > id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Merges two newest-first lists into one, dropping ids present in both. */
export function mergeNewestFirst(a: Items, b: Items): CaptureSummary[] {
  // The usual cases, an older page after the loaded rows or newer ones before them, are a plain
  // concatenation: several times cheaper than the walk below at 100,000 rows, in the frame the page lands in.
  const aLast = a[a.length - 1];
  const bLast = b[b.length - 1];
  if (!aLast || !bLast) return [...a, ...b];
  if (aLast.id > (b[0] as CaptureSummary).id) return a.concat(b);
  if (bLast.id > (a[0] as CaptureSummary).id) return b.concat(a);
  const merged: CaptureSummary[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    let next: CaptureSummary;
    if (left && (!right || left.id >= right.id)) {
      next = left;
      i += 1;
      if (right && right.id === left.id) j += 1;
    } else if (right) {
      next = right;
      j += 1;
    } else {
      break;
    }
    const last = merged[merged.length - 1];
    if (!last || last.id !== next.id) merged.push(next);
  }
  return merged;
}

/**
 * Adds pushed captures (oldest first, as `capturesAdded` carries them) to a
 * newest-first list, skipping any already present: the initial page and the
 * live feed can both deliver the same capture.
 */
export function addCaptures(items: Items, added: Items): readonly CaptureSummary[] {
  const fresh = added.filter((capture) => indexOfId(items, capture.id) === -1);
  if (fresh.length === 0) return items;
  const newestFirst = fresh.toSorted((x, y) => y.id - x.id);
  const oldestFresh = newestFirst[newestFirst.length - 1];
  const newestLoaded = items[0];
  // The common case: everything pushed is newer than the top row, so a prepend will do.
  if (!newestLoaded || (oldestFresh && oldestFresh.id > newestLoaded.id)) return newestFirst.concat(items);
  return mergeNewestFirst(newestFirst, items);
}

export function removeCaptures(items: Items, ids: readonly number[]): readonly CaptureSummary[] {
  if (ids.length === 0) return items;
  if (ids.length < 16) {
    // A handful of deletions (the usual case) avoids building a Set over a huge list.
    if (ids.every((id) => indexOfId(items, id) === -1)) return items;
  }
  const gone = new Set(ids);
  return items.filter((capture) => !gone.has(capture.id));
}

/** Replaces one capture's summary (a pin or note changed), keeping the list's order. */
export function replaceCapture(items: Items, updated: CaptureSummary): readonly CaptureSummary[] {
  const index = indexOfId(items, updated.id);
  if (index === -1) return items;
  const next = items.slice();
  next[index] = updated;
  return next;
}

/**
 * Folds a freshly queried first page into a filtered list. Within the page's
 * range the page is the truth (it has new matches and lacks captures that stopped
 * matching); older loaded captures stay, unless the page cannot reach them and
 * a gap might lie between.
 */
export function mergeFirstPage(
  items: Items,
  hasMore: boolean,
  page: { items: Items; hasMore: boolean },
): { items: readonly CaptureSummary[]; hasMore: boolean } {
  const oldestOfPage = page.items[page.items.length - 1];
  const newestLoaded = items[0];
  if (!page.hasMore || !oldestOfPage || !newestLoaded || oldestOfPage.id > newestLoaded.id) {
    return { items: page.items, hasMore: page.hasMore };
  }
  const older = items.filter((capture) => capture.id < oldestOfPage.id);
  return { items: page.items.concat(older), hasMore };
}
