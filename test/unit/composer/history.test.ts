import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ComposerHistory,
  HISTORY_LIMIT,
  HISTORY_REQUEST_BYTES,
  HISTORY_RESPONSE_BYTES,
} from '../../../electron/core/composer/history';
import type { HttpExchange } from '../../../shared/composer';
import { tempDir } from '../../helpers/temp-dir';

function exchange(url: string, requestBytes = 10, responseBytes = 10): HttpExchange {
  return {
    startedAt: '2026-01-01T00:00:00.000Z',
    request: {
      method: 'POST',
      url,
      headers: [],
      bodyBase64: Buffer.alloc(requestBytes, 97).toString('base64'),
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [],
      bodyBase64: Buffer.alloc(responseBytes, 98).toString('base64'),
      bodySize: responseBytes,
      truncated: false,
    },
    error: null,
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 2, totalMs: 3, reusedConnection: false },
    redirects: [],
  };
}

const entry = (url: string, requestBytes?: number, responseBytes?: number) => ({
  requestId: 'req-1',
  requestName: 'Ping',
  dataSetId: null,
  options: { timeoutMs: 1000, followRedirects: false, verifyTls: true },
  exchange: exchange(url, requestBytes, responseBytes),
});

describe('composer history', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.cleanup());

  it(`keeps the last ${HISTORY_LIMIT} sends, newest first, across restarts`, () => {
    const history = new ComposerHistory(dir.path);
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) history.add(entry(`http://h/${i}`));
    const reopened = new ComposerHistory(dir.path);
    expect(reopened.total).toBe(HISTORY_LIMIT);
    const page = reopened.list({ limit: 3 });
    expect(page.map((s) => s.url)).toEqual([
      `http://h/${HISTORY_LIMIT + 5}`,
      `http://h/${HISTORY_LIMIT + 4}`,
      `http://h/${HISTORY_LIMIT + 3}`,
    ]);
    expect(reopened.get(1)).toBeNull();
    expect(reopened.list({ limit: 2, beforeId: page[2]?.id ?? 0 }).map((s) => s.id)).toEqual([
      HISTORY_LIMIT + 2,
      HISTORY_LIMIT + 1,
    ]);
    // Ids keep counting after a restart.
    expect(reopened.add(entry('http://h/next')).id).toBe(HISTORY_LIMIT + 6);
  });

  it('cuts large bodies, marking a cut request as not re-sendable', () => {
    const history = new ComposerHistory(dir.path);
    const small = history.add(entry('http://h/small'));
    expect(small.resendable).toBe(true);
    const big = history.add(entry('http://h/big', HISTORY_REQUEST_BYTES + 10, HISTORY_RESPONSE_BYTES + 10));
    expect(big.resendable).toBe(false);
    expect(big.exchange.response?.truncated).toBe(true);
    expect(big.exchange.response?.bodySize).toBe(HISTORY_RESPONSE_BYTES + 10);
    const kept = Buffer.from(big.exchange.response?.bodyBase64 ?? '', 'base64').byteLength;
    expect(kept).toBeGreaterThanOrEqual(HISTORY_RESPONSE_BYTES);
    expect(kept).toBeLessThan(HISTORY_RESPONSE_BYTES + 3);
  });

  it('filters by saved request and clears', () => {
    const history = new ComposerHistory(dir.path);
    history.add(entry('http://h/a'));
    history.add({ ...entry('http://h/b'), requestId: 'req-2' });
    expect(history.list({ limit: 10, requestId: 'req-2' }).map((s) => s.url)).toEqual(['http://h/b']);
    history.clear();
    expect(new ComposerHistory(dir.path).total).toBe(0);
  });
});
