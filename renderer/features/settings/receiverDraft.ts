import { MAX_BODY_LIMIT_BYTES, type ReceiverSettings } from '../../../shared/domain';
import { receiverHostProblem } from '../../../shared/host';

const BYTES_PER_MIB = 1024 * 1024;
/** The core's largest body limit, in the field's unit. */
export const MAX_BODY_LIMIT_MIB = MAX_BODY_LIMIT_BYTES / BYTES_PER_MIB;

/** The receiver fields as typed: strings, so half-typed input is never lost to parsing. */
export interface ReceiverDraft {
  host: string;
  port: string;
  bodyLimitMiB: string;
}

export type ReceiverDraftErrors = Partial<Record<keyof ReceiverDraft, string>>;

export type ReceiverDraftResult =
  | { ok: true; value: ReceiverSettings }
  | { ok: false; errors: ReceiverDraftErrors };

export function draftFromSettings(settings: ReceiverSettings): ReceiverDraft {
  return {
    host: settings.host,
    port: String(settings.port),
    bodyLimitMiB: String(Number((settings.bodyLimitBytes / BYTES_PER_MIB).toFixed(3))),
  };
}

function validatePort(port: string): string | null {
  // 0 asks the system for any free port (what `serve --port 0` runs with).
  const words = 'The port must be a whole number from 1 to 65535 (or 0 for any free port).';
  if (!/^\d+$/.test(port)) return words;
  if (Number(port) > 65535) return words;
  return null;
}

function validateLimit(limit: string): string | null {
  const value = Number(limit);
  if (limit === '' || !Number.isFinite(value)) return 'Enter the body limit in MiB, for example 10.';
  if (value <= 0) return 'The body limit must be more than 0 MiB.';
  // The core's own limit, said here in the field's unit rather than refused in bytes after Save.
  if (value > MAX_BODY_LIMIT_MIB)
    return `The body limit can be at most ${MAX_BODY_LIMIT_MIB} MiB (${MAX_BODY_LIMIT_MIB / 1024} GiB): larger bodies could not be held in memory.`;
  if (Math.round(value * BYTES_PER_MIB) < 1) return 'The body limit is too small.';
  return null;
}

export function validateReceiverDraft(draft: ReceiverDraft): ReceiverDraftResult {
  const host = draft.host.trim();
  const port = draft.port.trim();
  const limit = draft.bodyLimitMiB.trim();
  const errors: ReceiverDraftErrors = {};
  const hostError = receiverHostProblem(host);
  const portError = validatePort(port);
  const limitError = validateLimit(limit);
  if (hostError) errors.host = hostError;
  if (portError) errors.port = portError;
  if (limitError) errors.bodyLimitMiB = limitError;
  if (hostError || portError || limitError) return { ok: false, errors };
  return {
    ok: true,
    value: { host, port: Number(port), bodyLimitBytes: Math.round(Number(limit) * BYTES_PER_MIB) },
  };
}

/** Only the fields that differ, so a save never overwrites a concurrent change to another field. */
export function receiverChanges(
  current: ReceiverSettings,
  next: ReceiverSettings,
): Partial<ReceiverSettings> {
  const changes: Partial<ReceiverSettings> = {};
  if (next.host !== current.host) changes.host = next.host;
  if (next.port !== current.port) changes.port = next.port;
  if (next.bodyLimitBytes !== current.bodyLimitBytes) changes.bodyLimitBytes = next.bodyLimitBytes;
  return changes;
}
