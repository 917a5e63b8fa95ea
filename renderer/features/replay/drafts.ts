/**
 * Turning what the forms hold (text as typed) into what the core expects, with the reason in
 * words when it cannot be done. The core checks everything again; checking here too lets the
 * form point at the field before anything is sent.
 */
import type { HeaderPair } from '../../../shared/domain';
import { headerValueProblem } from '../../../shared/headers';
import { type ReplayEdit, type ReplayTarget, rateProblem, rebaseOnto } from '../../../shared/replay';
import type { TargetDraft } from '../../state/replayStore';
import { textToBase64 } from './bodyText';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Null when the text is a full http(s) URL, else what is wrong. */
export function urlProblem(text: string, what: string): string | null {
  if (text.trim() === '') return `${what} is empty: write a full URL, like http://127.0.0.1:3000/api.`;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return `${what} "${text.trim()}" is not a URL: write it in full, like http://127.0.0.1:3000/api.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `${what} must start with http:// or https://.`;
  return null;
}

/** `Name: value` lines; blank lines are skipped; repeats and order are kept, as they are sent. */
export function parseHeaderLines(text: string, what: string): Checked<HeaderPair[]> {
  const headers: HeaderPair[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim();
    if (colon === -1 || !TOKEN.test(name)) {
      return { ok: false, error: `Line ${index + 1} of ${what} is not "Name: value".` };
    }
    const value = line.slice(colon + 1).trim();
    const problem = headerValueProblem(name, value);
    if (problem) return { ok: false, error: `Line ${index + 1} of ${what}: ${problem}` };
    headers.push([name, value]);
  }
  return { ok: true, value: headers };
}

export function formatHeaderLines(headers: readonly HeaderPair[]): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

/** Items separated by commas, spaces or line breaks. */
export function parseList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A whole number from 1 to `max`, typed as text. */
export function parseCount(text: string, what: string, max: number, min = 1): Checked<number> {
  const value = /^\s*\d+\s*$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return {
      ok: false,
      error: `${what} must be a whole number from ${min} to ${max.toLocaleString('en')}.`,
    };
  }
  return { ok: true, value };
}

/** A rate per second typed as text; empty is null (no limit, where the form allows it). */
export function parseRate(text: string, what = 'Requests per second'): Checked<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const value = Number(text.trim());
  const problem = rateProblem(value, what);
  return problem ? { ok: false, error: problem } : { ok: true, value };
}

export function targetFromDraft(draft: TargetDraft): Checked<ReplayTarget> {
  const problem = urlProblem(draft.targetUrl, 'The target');
  if (problem) return { ok: false, error: problem };
  const overrides = parseHeaderLines(draft.overrideHeaders, 'the headers to set');
  if (!overrides.ok) return overrides;
  const timeout = parseCount(draft.timeoutMs, 'The timeout (ms)', 600_000);
  if (!timeout.ok) return timeout;
  return {
    ok: true,
    value: {
      targetUrl: draft.targetUrl.trim(),
      rebase: draft.rebase,
      dropHeaders: parseList(draft.dropHeaders),
      overrideHeaders: overrides.value,
      timeoutMs: timeout.value,
      followRedirects: draft.followRedirects,
      verifyTls: draft.verifyTls,
    },
  };
}

/**
 * Where a replay goes, as the core computes it: with rebase, the captured path and query are
 * appended to the target's path (`/api` + `/hook?x=1` → `/api/hook?x=1`). Null for a bad target.
 */
export function replayUrl(targetUrl: string, rebase: boolean, capturedPath: string): string | null {
  if (urlProblem(targetUrl, 'The target')) return null;
  if (!rebase) return targetUrl.trim();
  return rebaseOnto(targetUrl.trim())(capturedPath);
}

/** `count` id_sms values counting up from `first`, as the gateway numbers its messages. */
export function generateIds(count: number, first: number): string[] {
  return Array.from({ length: count }, (_, index) => String(first + index));
}

/** The edit form's text, and what the capture had, so only real changes are sent. */
export interface EditDraft {
  captureId: number;
  method: string;
  /** Empty: the target decides where it goes. */
  url: string;
  headers: string;
  body: string;
  /** False for a body that is not UTF-8: the box starts empty and the bytes go unchanged unless replaced. */
  bodyIsText: boolean;
  original: { method: string; headers: string; body: string };
}

/** The edit to send: only the parts that differ from the capture; undefined when nothing does. */
export function editFromDraft(draft: EditDraft): Checked<ReplayEdit | undefined> {
  const edit: ReplayEdit = {};
  const method = draft.method.trim().toUpperCase();
  if (method !== draft.original.method) {
    if (!/^[A-Z]+$/.test(method)) return { ok: false, error: 'The method must be letters only, like POST.' };
    edit.method = method;
  }
  if (draft.url.trim() !== '') {
    const problem = urlProblem(draft.url, 'The edited URL');
    if (problem) return { ok: false, error: problem };
    edit.url = draft.url.trim();
  }
  if (draft.headers !== draft.original.headers) {
    const headers = parseHeaderLines(draft.headers, 'the edited headers');
    if (!headers.ok) return headers;
    edit.headers = headers.value;
  }
  const body = withOriginalLineBreaks(draft.body, draft.original.body);
  if (body !== draft.original.body) edit.bodyBase64 = textToBase64(body);
  return { ok: true, value: Object.keys(edit).length > 0 ? edit : undefined };
}

/** True when every line break of the text is CRLF (multipart bodies, many form posts). */
export function usesCrlf(text: string): boolean {
  return text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
}

/**
 * A text box hands its text back with LF line breaks whatever it was given, so a body that had
 * CRLF throughout gets them back: an edit to one word must not change every line of a multipart
 * body (and break its framing). A body with mixed or LF breaks goes as typed.
 */
export function withOriginalLineBreaks(edited: string, original: string): string {
  return usesCrlf(original) ? edited.replace(/\r?\n/g, '\r\n') : edited;
}
