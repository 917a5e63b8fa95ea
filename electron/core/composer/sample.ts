/**
 * "Use as sample": a captured request's JSON body (decoded from its Content-Encoding) becomes a
 * data set's event, so a template can be tried on what a sender really posted. A GET with no
 * body (the reverse integration allows GET) gives its query parameters as the event instead.
 */
import type { JsonValue } from '../../../shared/composer';
import type { CaptureDetail } from '../../../shared/domain';
import { CoreError } from '../errors';
import { decodeBody } from '../inspector/body-decode';
import { parseLossless } from '../json/lossless';
import { jsonTextError } from './data';

function queryEvent(path: string): { [key: string]: JsonValue } | null {
  const at = path.indexOf('?');
  if (at === -1) return null;
  const params = new URLSearchParams(path.slice(at + 1));
  const event: { [key: string]: JsonValue } = {};
  for (const [key, value] of params) if (!Object.hasOwn(event, key)) event[key] = value;
  return Object.keys(event).length > 0 ? event : null;
}

/** The capture's body (or GET query) as an event value; explains in words when it is not JSON. */
export function captureAsEvent(capture: CaptureDetail): JsonValue {
  const decoded = decodeBody(Buffer.from(capture.bodyBase64, 'base64'), capture.headers, true);
  const text = Buffer.from(decoded.bodyBase64, 'base64').toString('utf8');
  if (text.trim() === '') {
    const fromQuery = queryEvent(capture.path);
    if (fromQuery) return fromQuery;
    throw new CoreError(
      'bad_request',
      `Capture ${capture.id} has no body and no query parameters to use as sample data.`,
    );
  }
  if (capture.truncated)
    throw new CoreError(
      'bad_request',
      `Capture ${capture.id}'s body was cut at the size limit, so it is not whole JSON.`,
    );
  const problem = jsonTextError(text);
  if (problem !== null) {
    const why = decoded.decodeError ? ` (${decoded.decodeError})` : '';
    throw new CoreError(
      'bad_request',
      `Capture ${capture.id}'s body is not valid JSON (${problem})${why}, so it cannot be sample data.`,
    );
  }
  // Numbers a double cannot hold (SMS ids of 20 digits) stay LosslessNumbers, written back as their digits.
  return parseLossless(text) as JsonValue;
}

export function captureSampleName(capture: CaptureDetail): string {
  const path = capture.path.length > 40 ? `${capture.path.slice(0, 39)}…` : capture.path;
  return `Capture #${capture.id} (${capture.method} ${path})`;
}
