import type { ReceiverSettings } from '../../../shared/domain';

const BYTES_PER_MIB = 1024 * 1024;

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

function validateHost(host: string): string | null {
  if (host === '') return 'Enter a host, for example 127.0.0.1.';
  if (/\s/.test(host)) return 'A host cannot contain spaces.';
  if (host.includes('/')) return 'Enter only the host name or address, without http:// or a path.';
  return null;
}

function validatePort(port: string): string | null {
  if (!/^\d+$/.test(port)) return 'The port must be a whole number from 1 to 65535.';
  const value = Number(port);
  if (value < 1 || value > 65535) return 'The port must be a whole number from 1 to 65535.';
  return null;
}

function validateLimit(limit: string): string | null {
  const value = Number(limit);
  if (limit === '' || !Number.isFinite(value)) return 'Enter the body limit in MiB, for example 10.';
  if (value <= 0) return 'The body limit must be more than 0 MiB.';
  if (Math.round(value * BYTES_PER_MIB) < 1) return 'The body limit is too small.';
  return null;
}

export function validateReceiverDraft(draft: ReceiverDraft): ReceiverDraftResult {
  const host = draft.host.trim();
  const port = draft.port.trim();
  const limit = draft.bodyLimitMiB.trim();
  const errors: ReceiverDraftErrors = {};
  const hostError = validateHost(host);
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
