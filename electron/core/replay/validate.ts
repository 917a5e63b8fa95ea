import type { HeaderPair } from '../../../shared/domain';
import { headerValueProblem } from '../../../shared/headers';
import {
  type BulkReplayRequest,
  type ReplayEdit,
  type ReplayTarget,
  rateProblem,
} from '../../../shared/replay';
import { CoreError } from '../errors';

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CoreError('bad_request', `${what} must be an object.`);
  return value as Record<string, unknown>;
}

export function httpUrl(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new CoreError('bad_request', `${what} must be a URL.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CoreError(
      'bad_request',
      `${what} "${value}" is not a URL: write it in full, like http://127.0.0.1:3000/api.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CoreError('bad_request', `${what} must be an http:// or https:// URL.`);
  return value;
}

function headerPairs(value: unknown, what: string): HeaderPair[] {
  if (!Array.isArray(value))
    throw new CoreError('bad_request', `${what} must be a list of [name, value] pairs.`);
  return value.map((pair) => {
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'string' ||
      typeof pair[1] !== 'string' ||
      !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(pair[0])
    ) {
      throw new CoreError('bad_request', `${what} has an entry that is not a valid [name, value] header.`);
    }
    const problem = headerValueProblem(pair[0], pair[1]);
    if (problem) throw new CoreError('bad_request', problem);
    return [pair[0], pair[1]] as HeaderPair;
  });
}

function positiveInt(value: unknown, what: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    throw new CoreError('bad_request', `${what} must be a whole number from 1 to ${max}.`);
  }
  return value as number;
}

export function parseTarget(input: unknown): ReplayTarget {
  const value = record(input, 'The replay target');
  return {
    targetUrl: httpUrl(value.targetUrl, 'The target'),
    rebase: value.rebase !== false,
    dropHeaders: value.dropHeaders === undefined ? [] : (value.dropHeaders as unknown[]).map(String),
    overrideHeaders:
      value.overrideHeaders === undefined ? [] : headerPairs(value.overrideHeaders, 'overrideHeaders'),
    timeoutMs: positiveInt(value.timeoutMs, 'timeoutMs', 30_000, 600_000),
    followRedirects: value.followRedirects === true,
    verifyTls: value.verifyTls !== false,
  };
}

export function parseEdit(input: unknown): ReplayEdit | undefined {
  if (input === undefined || input === null) return undefined;
  const value = record(input, 'The edit');
  const edit: ReplayEdit = {};
  if (value.method !== undefined) {
    if (typeof value.method !== 'string' || !/^[A-Z]+$/.test(value.method))
      throw new CoreError('bad_request', 'method must be an upper-case HTTP method.');
    edit.method = value.method;
  }
  if (value.url !== undefined) edit.url = httpUrl(value.url, 'The URL');
  if (value.headers !== undefined) edit.headers = headerPairs(value.headers, 'headers');
  if (value.bodyBase64 !== undefined) {
    if (typeof value.bodyBase64 !== 'string')
      throw new CoreError('bad_request', 'bodyBase64 must be base64 text.');
    edit.bodyBase64 = value.bodyBase64;
  }
  return edit;
}

export function parseBulk(input: unknown): BulkReplayRequest {
  const value = record(input, 'The bulk replay');
  const target = parseTarget(value);
  let ids: number[] | undefined;
  if (value.ids !== undefined) {
    if (!Array.isArray(value.ids) || !value.ids.every((id) => Number.isSafeInteger(id)))
      throw new CoreError('bad_request', 'ids must be capture ids.');
    ids = value.ids as number[];
  }
  const rate = value.ratePerSecond;
  if (rate !== undefined && rate !== null) {
    const problem = rateProblem(typeof rate === 'number' ? rate : Number.NaN, 'Requests per second');
    if (problem) throw new CoreError('bad_request', `${problem} Leave it empty for no limit.`);
  }
  return {
    ...target,
    ...(ids ? { ids } : {}),
    ...(typeof value.filter === 'string' ? { filter: value.filter } : {}),
    keepOrder: value.keepOrder === true,
    concurrency: positiveInt(value.concurrency, 'concurrency', 1, 500),
    ratePerSecond: typeof rate === 'number' ? rate : null,
    stopOnFailure: value.stopOnFailure === true,
  };
}
