import type { HeaderPair } from '../../../shared/domain';
import type { HeaderDifference, JsonDifference, ResponseDiff } from '../../../shared/replay';
import { decodedBytes } from '../inspector/body-decode';
import { LosslessNumber, parseLossless, stringifyLossless } from '../json/lossless';

export interface ComparedResponse {
  label: string;
  status: number | null;
  headers: HeaderPair[];
  body: Uint8Array;
}

/** Headers that differ between any two responses and say nothing about the answer. */
const NOISY = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const MAX_DIFFERENCES = 500;

/**
 * Status, headers (by name, case-insensitive, repeats kept) and the body (JSON structurally, else
 * bytes). Bodies are compared as their senders meant them: a gzip answer (a replay sends the
 * captured Accept-Encoding) is decoded first, so the same JSON compressed or not is the same.
 */
export function diffResponses(left: ComparedResponse, right: ComparedResponse): ResponseDiff {
  const leftBody = decodedBytes(left.body, left.headers) ?? left.body;
  const rightBody = decodedBytes(right.body, right.headers) ?? right.body;
  const leftText = new TextDecoder().decode(leftBody);
  const rightText = new TextDecoder().decode(rightBody);
  const leftJson = parseJson(leftText);
  const rightJson = parseJson(rightText);
  const bothJson = leftJson.ok && rightJson.ok;
  const json: JsonDifference[] = [];
  if (bothJson) diffJson(leftJson.value, rightJson.value, '', json);
  return {
    left: { label: left.label, status: left.status, headers: left.headers, bodyText: leftText },
    right: { label: right.label, status: right.status, headers: right.headers, bodyText: rightText },
    statusChanged: left.status !== right.status,
    headers: diffHeaders(left.headers, right.headers),
    bodyKind: bothJson ? 'json' : 'text',
    json,
    bodyEqual: Buffer.compare(Buffer.from(leftBody), Buffer.from(rightBody)) === 0,
  };
}

function diffHeaders(left: readonly HeaderPair[], right: readonly HeaderPair[]): HeaderDifference[] {
  const group = (headers: readonly HeaderPair[]) => {
    const map = new Map<string, { name: string; values: string[] }>();
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      if (NOISY.has(key)) continue;
      const entry = map.get(key) ?? { name, values: [] };
      entry.values.push(value);
      map.set(key, entry);
    }
    return map;
  };
  const a = group(left);
  const b = group(right);
  const out: HeaderDifference[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const l = a.get(key)?.values ?? [];
    const r = b.get(key)?.values ?? [];
    if (l.length !== r.length || l.some((v, i) => v !== r[i])) {
      out.push({ name: a.get(key)?.name ?? b.get(key)?.name ?? key, left: l, right: r });
    }
  }
  return out;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: false };
  try {
    // Lossless, so ids beyond 2^53 that differ are not called equal.
    return { ok: true, value: parseLossless(text) };
  } catch {
    return { ok: false };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LosslessNumber)
  );
}

function show(value: unknown): string {
  return stringifyLossless(value);
}

function diffJson(left: unknown, right: unknown, path: string, out: JsonDifference[]): void {
  if (out.length >= MAX_DIFFERENCES) return;
  if (Array.isArray(left) && Array.isArray(right)) {
    const length = Math.max(left.length, right.length);
    for (let i = 0; i < length; i++) {
      if (i >= left.length)
        out.push({ path: `${path}/${i}`, kind: 'added', left: null, right: show(right[i]) });
      else if (i >= right.length)
        out.push({ path: `${path}/${i}`, kind: 'removed', left: show(left[i]), right: null });
      else diffJson(left[i], right[i], `${path}/${i}`, out);
    }
    return;
  }
  if (isObject(left) && isObject(right)) {
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      const child = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!(key in right)) out.push({ path: child, kind: 'removed', left: show(left[key]), right: null });
      else if (!(key in left)) out.push({ path: child, kind: 'added', left: null, right: show(right[key]) });
      else diffJson(left[key], right[key], child, out);
    }
    return;
  }
  if (show(left) !== show(right))
    out.push({ path: path || '/', kind: 'changed', left: show(left), right: show(right) });
}
