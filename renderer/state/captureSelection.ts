/**
 * Multi-selection in the capture list, as in a file manager: a click selects one
 * row, Ctrl/Cmd-click toggles a row, Shift-click selects the range from the
 * anchor (the last row clicked without Shift). Pure, over the newest-first list.
 */
import type { CaptureSummary } from '../../shared/domain';
import { indexOfId } from './captureList';

export interface Selection {
  /** The capture the detail pane shows. */
  selectedId: number | null;
  /** Every selected capture (the detail's included). */
  selectedIds: ReadonlySet<number>;
  anchorId: number | null;
}

export const EMPTY_SELECTION: Selection = { selectedId: null, selectedIds: new Set(), anchorId: null };

export interface ClickModifiers {
  toggle: boolean;
  range: boolean;
}

function rangeIds(items: readonly CaptureSummary[], fromId: number, toId: number): number[] {
  const from = indexOfId(items, fromId);
  const to = indexOfId(items, toId);
  if (from === -1 || to === -1) return [toId];
  const [low, high] = from <= to ? [from, to] : [to, from];
  return items.slice(low, high + 1).map((capture) => capture.id);
}

export function clickSelection(
  current: Selection,
  items: readonly CaptureSummary[],
  id: number,
  { toggle, range }: ClickModifiers,
): Selection {
  if (range && current.anchorId !== null) {
    const ids = rangeIds(items, current.anchorId, id);
    const selectedIds = new Set(toggle ? [...current.selectedIds, ...ids] : ids);
    return { selectedId: id, selectedIds, anchorId: current.anchorId };
  }
  if (toggle) {
    const selectedIds = new Set(current.selectedIds);
    if (selectedIds.has(id)) {
      selectedIds.delete(id);
      // The detail moves to another selected row, or closes when none is left.
      const detail =
        current.selectedId !== id
          ? current.selectedId
          : (items.find((c) => selectedIds.has(c.id))?.id ?? null);
      return { selectedId: detail, selectedIds, anchorId: id };
    }
    selectedIds.add(id);
    return { selectedId: id, selectedIds, anchorId: id };
  }
  return { selectedId: id, selectedIds: new Set([id]), anchorId: id };
}

/** Drops selected ids the list no longer holds (deleted, or filtered out). */
export function pruneSelection(selection: Selection, items: readonly CaptureSummary[]): Selection {
  const { selectedId, selectedIds, anchorId } = selection;
  const kept = [...selectedIds].filter((id) => indexOfId(items, id) !== -1);
  return {
    selectedId,
    selectedIds: kept.length === selectedIds.size ? selectedIds : new Set(kept),
    anchorId,
  };
}

/** The ids an action on "the selection" means: the multi-selection, or else the detail's capture. */
export function selectionIds(selection: Selection): number[] {
  if (selection.selectedIds.size > 0) return [...selection.selectedIds].sort((a, b) => b - a);
  return selection.selectedId === null ? [] : [selection.selectedId];
}

/** After deleting `ids`, the row to select: the first one below them, else the nearest above. */
export function neighbourAfterDelete(
  items: readonly CaptureSummary[],
  ids: readonly number[],
): number | null {
  const gone = new Set(ids);
  let lastIndex = -1;
  let firstIndex = items.length;
  for (const id of ids) {
    const index = indexOfId(items, id);
    if (index === -1) continue;
    lastIndex = Math.max(lastIndex, index);
    firstIndex = Math.min(firstIndex, index);
  }
  if (lastIndex === -1) return null;
  for (let i = lastIndex + 1; i < items.length; i += 1) {
    const capture = items[i] as CaptureSummary;
    if (!gone.has(capture.id)) return capture.id;
  }
  for (let i = firstIndex - 1; i >= 0; i -= 1) {
    const capture = items[i] as CaptureSummary;
    if (!gone.has(capture.id)) return capture.id;
  }
  return null;
}
