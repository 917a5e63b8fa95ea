import { createHash } from 'node:crypto';
import type { HeaderPair, SmsStateEvent, SmsTimeline, SmsTimelineEntry } from '../../../shared/domain';
import { SMS_FINAL_STATES, SMS_STATES } from '../../../shared/rules';
import { parseLossless, scalarText } from '../json/lossless';
import { decodedBytes } from './body-decode';

/** How far along the delivery a state is; a later status with a lower rank went backwards. */
const STATE_RANK: Record<string, number> = {
  send: 0,
  partly_deliver: 1,
  deliver: 2,
  read: 3,
  not_deliver: 3,
  expired: 3,
};

export interface StatusBatch {
  id: number;
  receivedAt: number;
  /** The request's headers: a gzip (deflate, br) batch is read decoded. */
  headers?: readonly HeaderPair[];
  body: Uint8Array;
}

export interface TimelineOptions {
  /** At most this many ids are told (the first seen); the rest are counted in `omittedIds`. */
  limitIds?: number;
  /** Only the ids this accepts (one batch's ids, a search). */
  only?: (idSms: string) => boolean;
}

/** The status items of a batch, or null when it is not a JSON array (or does not decode). */
function statusItems(batch: StatusBatch): unknown[] | null {
  try {
    const content = batch.headers ? decodedBytes(batch.body, batch.headers) : batch.body;
    if (content === null) return null;
    const items = parseLossless(new TextDecoder().decode(content));
    return Array.isArray(items) ? items : null;
  } catch {
    return null;
  }
}

function idOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  return scalarText((item as Record<string, unknown>).id_sms);
}

/** The id_sms values a status batch carries, in order, once each. */
export function idsInBatch(batch: StatusBatch): string[] {
  const ids = new Set<string>();
  for (const item of statusItems(batch) ?? []) {
    const id = idOf(item);
    if (id !== null) ids.add(id);
  }
  return [...ids];
}

/**
 * Builds the per-id_sms story from status batches, oldest first: every state
 * with its time and capture, final states marked, and what looks wrong. A status the
 * gateway sends again (same state and time as one already received) is marked re-sent
 * and does not move the id's current state back.
 */
export function buildSmsTimeline(
  batches: Iterable<StatusBatch>,
  { limitIds = 10_000, only }: TimelineOptions = {},
): SmsTimeline {
  const byId = new Map<string, SmsTimelineEntry>();
  const omitted = new Set<string>();
  const seenBatches = new Set<string>();
  let batchCount = 0;
  let resent = 0;
  for (const batch of batches) {
    const items = statusItems(batch);
    if (items === null) continue;
    batchCount += 1;
    const digest = createHash('sha256').update(batch.body).digest('hex');
    const isResent = seenBatches.has(digest);
    if (isResent) resent += 1;
    seenBatches.add(digest);
    for (const item of items) {
      const idSms = idOf(item);
      if (idSms === null || (only && !only(idSms))) continue;
      let entry = byId.get(idSms);
      if (!entry) {
        if (byId.size >= limitIds) {
          omitted.add(idSms);
          continue;
        }
        entry = { idSms, events: [], lastState: '', final: false, anomalies: [] };
        byId.set(idSms, entry);
      }
      const record = item as Record<string, unknown>;
      const state = typeof record.state === 'string' ? record.state : String(record.state);
      const time = typeof record.time === 'string' ? record.time : String(record.time ?? '');
      const again = entry.events.some((e) => e.state === state && e.time === time);
      const event: SmsStateEvent = {
        captureId: batch.id,
        receivedAt: new Date(batch.receivedAt).toISOString(),
        state,
        time,
        final: SMS_FINAL_STATES.includes(state),
        resent: again,
      };
      noteAnomalies(entry, event, isResent);
      entry.events.push(event);
      if (again) continue;
      entry.lastState = state;
      entry.final = event.final;
    }
  }
  return {
    entries: [...byId.values()],
    batches: batchCount,
    resentBatches: resent,
    omittedIds: omitted.size,
  };
}

function noteAnomalies(entry: SmsTimelineEntry, event: SmsStateEvent, batchResent: boolean): void {
  const where = `capture #${event.captureId}`;
  if (!event.resent && !SMS_STATES.includes(event.state))
    entry.anomalies.push(`"${event.state}" is not one of the gateway's states (${where}).`);
  if (!event.resent && event.time === '' && event.state !== 'send')
    entry.anomalies.push(`"${event.state}" came without a time (${where}); only "send" may have none.`);
  const previous = entry.events.filter((e) => !e.resent).at(-1);
  if (!previous) return;
  if (event.resent) {
    entry.anomalies.push(
      `"${event.state}"${event.time ? ` of ${event.time}` : ''} was sent again (${where})${batchResent ? ', in a re-sent batch' : ''}: the acknowledgement for it was probably missing.`,
    );
    return;
  }
  const finalBefore = entry.events.find((e) => e.final);
  if (finalBefore && event.state !== finalBefore.state) {
    entry.anomalies.push(
      `Changed to "${event.state}" after the final state "${finalBefore.state}" (${where}).`,
    );
    return;
  }
  const before = STATE_RANK[previous.state];
  const now = STATE_RANK[event.state];
  if (before !== undefined && now !== undefined && now < before) {
    entry.anomalies.push(`Went backwards from "${previous.state}" to "${event.state}" (${where}).`);
  }
}
