import {
  type CommandError,
  type CommandResult,
  type EventName,
  isEventName,
  type WsServerFrame,
} from '../../shared/contract';
import { isErrorCode } from './clientError';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseCommandError(value: unknown): CommandError {
  if (isRecord(value) && typeof value.message === 'string') {
    return { code: isErrorCode(value.code) ? value.code : 'internal', message: value.message };
  }
  return { code: 'internal', message: 'Hookbench sent an answer the window could not read.' };
}

function parseResult(value: unknown): CommandResult<unknown> | null {
  if (!isRecord(value)) return null;
  if (value.ok === true) return { ok: true, value: value.value };
  if (value.ok === false) return { ok: false, error: parseCommandError(value.error) };
  return null;
}

/**
 * Checks a bridge frame's envelope. Payloads are trusted to match the contract:
 * the host serialises them from the same typed core, so re-validating every
 * capture would only cost time on the hot path.
 */
export function parseServerFrame(text: string): WsServerFrame | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  if (data.type === 'result' && typeof data.id === 'number') {
    const result = parseResult(data.result);
    return result ? { type: 'result', id: data.id, result } : null;
  }
  if (data.type === 'event' && isEventName(data.name)) {
    const name: EventName = data.name;
    return { type: 'event', name, payload: data.payload };
  }
  return null;
}
