import { createHash } from 'node:crypto';
import type { HeaderPair, SmsStateEvent, SmsTimeline, SmsTimelineEntry } from '../../../shared/domain';
import { SMS_FINAL_STATES } from '../../../shared/rules';
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

/**
 * Builds the per-id_sms story from status batches, oldest first: every state
 * with its time and capture, final states marked, and what looks wrong.
 */
export function buildSmsTimeline(batches: Iterable<StatusBatch>, limitIds = 10_000): SmsTimeline {
  const byId = new Map<string, SmsTimelineEntry>();
  const seenBatches = new Set<string>();
  let batchCount = 0;
  let resent = 0;
  for (const batch of batches) {
    let items: unknown;
    try {
      const content = batch.headers ? decodedBytes(batch.body, batch.headers) : batch.body;
      if (content === null) continue;
      items = parseLossless(new TextDecoder().decode(content));
    } catch {
      continue;
    }
    if (!Array.isArray(items)) continue;
    batchCount += 1;
    const digest = createHash('sha256').update(batch.body).digest('hex');
    const isResent = seenBatches.has(digest);
    if (isResent) resent += 1;
    seenBatches.add(digest);
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      const idSms = scalarText(record.id_sms);
      if (idSms === null) continue;
      let entry = byId.get(idSms);
      if (!entry) {
        if (byId.size >= limitIds) continue;
        entry = { idSms, events: [], lastState: '', final: false, anomalies: [] };
        byId.set(idSms, entry);
      }
      const state = typeof record.state === 'string' ? record.state : String(record.state);
      const event: SmsStateEvent = {
        captureId: batch.id,
        receivedAt: new Date(batch.receivedAt).toISOString(),
        state,
        time: typeof record.time === 'string' ? record.time : String(record.time ?? ''),
        final: SMS_FINAL_STATES.includes(state),
      };
      noteAnomalies(entry, event, isResent);
      entry.events.push(event);
      entry.lastState = state;
      entry.final = event.final;
    }
  }
  return { entries: [...byId.values()], batches: batchCount, resentBatches: resent };
}

function noteAnomalies(entry: SmsTimelineEntry, event: SmsStateEvent, batchResent: boolean): void {
  const previous = entry.events.at(-1);
  if (!previous) return;
  const where = `capture #${event.captureId}`;
  if (previous.state === event.state && previous.time === event.time) {
    entry.anomalies.push(
      `"${event.state}" was sent again (${where})${batchResent ? ', in a re-sent batch' : ''}: the acknowledgement for it was probably missing.`,
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
