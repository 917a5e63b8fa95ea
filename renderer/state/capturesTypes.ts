/** The capture list's state and actions; the store itself is in capturesStore.ts. */
import type { CaptureDetail, CaptureMetaPatch, CaptureSummary } from '../../shared/domain';
import type { ClickModifiers, Selection } from './captureSelection';
import type { CaptureEvent } from './events';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';
export type DetailStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

export interface CapturesState extends Selection {
  /** Newest first (highest id first); only captures matching `filter`. */
  items: readonly CaptureSummary[];
  total: number;
  /** Captures matching the filter, in the whole store (equals total without a filter). */
  matched: number;
  hasMore: boolean;
  /** The filter the list shows (shared/filter.ts language); '' for everything. */
  filter: string;
  /** The core's words when the last filter asked for was refused; the list keeps the previous one. */
  filterError: string | null;
  listStatus: ListStatus;
  listError: string | null;
  loadingOlder: boolean;
  olderError: string | null;
  /** The last loaded detail; while another capture loads it may still belong to the previous selection. */
  detail: CaptureDetail | null;
  detailStatus: DetailStatus;
  detailError: string | null;
  busy: 'deleting' | 'clearing' | null;
  actionError: string | null;
}

export interface CapturesActions {
  /** Loads (or reloads, after a reconnect) the newest page of the current filter. */
  load(): Promise<void>;
  /** Shows the captures matching `filter`; resolves false (and sets filterError) when the core refuses it. */
  applyFilter(filter: string): Promise<boolean>;
  /** Loads the page before the oldest loaded capture; a no-op while one is loading or after a failure. */
  loadOlder(): Promise<void>;
  retryOlder(): Promise<void>;
  /** Selects one capture (null clears); it need not be in the list (the timeline links to any). */
  select(id: number | null): void;
  /** A click with Ctrl/Cmd (toggle) or Shift (range) held. */
  clickRow(id: number, modifiers: ClickModifiers): void;
  reloadDetail(): void;
  /** Deletes every selected capture. */
  deleteSelected(): Promise<boolean>;
  deleteCapture(id: number): Promise<boolean>;
  clearAll(): Promise<boolean>;
  /** Pins/unpins or sets the note; rejects with the core's error. */
  setMeta(patch: CaptureMetaPatch): Promise<void>;
  applyEvents(events: readonly CaptureEvent[]): void;
  dismissActionError(): void;
}
