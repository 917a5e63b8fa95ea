import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore, STORE_FILE_NAME } from '../../electron/core/index';
import { ReplayService } from '../../electron/core/replay/replay-service';
import { ReplayStore } from '../../electron/core/replay/replay-store';
import { parseBulk } from '../../electron/core/replay/validate';
import { CaptureStore } from '../../electron/core/store/capture-store';
import type { ReplayProgress, ReplayTarget } from '../../shared/replay';
import { runCliAsync } from '../helpers/cli';
import { sendRaw } from '../helpers/http';
import { recordingServer } from '../helpers/recording-server';
import { testRule } from '../helpers/rules';
import { tempDir } from '../helpers/temp-dir';

describe('replay and sender simulations over real HTTP', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  let base: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    dir = tempDir();
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    await core.start();
    base = ((await core.handlers.getReceiverStatus(undefined)).url as string).replace(/\/$/, '');
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await core.close();
    dir.cleanup();
  });

  const capture = async (
    path: string,
    body: Buffer | string,
    headers: [string, string][],
    method = 'POST',
  ) => {
    await sendRaw(`${base}${path}`, { method, headers, body });
    return (await core.handlers.listCaptures({ limit: 1 })).items[0]?.id as number;
  };
  const target = (url: string, extra: Partial<ReplayTarget> = {}): ReplayTarget => ({
    targetUrl: url,
    rebase: true,
    dropHeaders: [],
    overrideHeaders: [],
    timeoutMs: 5000,
    followRedirects: false,
    verifyTls: true,
    ...extra,
  });
  const server = async (...args: Parameters<typeof recordingServer>) => {
    const s = await recordingServer(...args);
    cleanups.push(s.close);
    return s;
  };

  it('replays JSON, binary and gzip bodies byte-identical, headers kept, hop-by-hop headers set anew, path rebased', async () => {
    const json = await capture('/hook/a?x=1', '{"id_sms":12345678901234567890}', [
      ['Content-Type', 'application/json'],
      ['X-Trace', 'one'],
      ['x-trace', 'two'],
    ]);
    const binaryBody = Buffer.from([0, 255, 13, 10, 128]);
    const binary = await capture('/bin', binaryBody, [['Content-Type', 'application/octet-stream']], 'PUT');
    const gzBody = gzipSync('{"zipped":true}');
    const gz = await capture('/gz', gzBody, [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'gzip'],
    ]);
    const sink = await server();
    for (const id of [json, binary, gz]) {
      const record = await core.handlers.replayCapture({ captureId: id, target: target(`${sink.url}/api`) });
      expect(record.exchange.response?.status).toBe(200);
      expect(record.captureId).toBe(id);
    }
    const [a, b, c] = sink.received;
    expect(a?.url).toBe('/api/hook/a?x=1');
    expect(a?.body.toString()).toBe('{"id_sms":12345678901234567890}');
    expect(a?.rawHeaders).toEqual(expect.arrayContaining(['X-Trace', 'one', 'x-trace', 'two']));
    const hostAt = a?.rawHeaders.findIndex((h) => h.toLowerCase() === 'host') ?? -1;
    expect(a?.rawHeaders[hostAt + 1]).toBe(new URL(sink.url).host);
    expect(b).toMatchObject({ method: 'PUT', url: '/api/bin' });
    expect(b?.body).toEqual(binaryBody);
    expect(c?.body).toEqual(gzBody);
    expect(c?.rawHeaders).toEqual(expect.arrayContaining(['Content-Encoding', 'gzip']));
    expect((await core.handlers.listReplays({ captureId: json })).map((r) => r.status)).toEqual([200]);

    // A target with its own query and credentials keeps both: the key first, then the captured query.
    const withKey = `${sink.url.replace('http://', 'http://ann:s%40cret@')}/api?key=SECRET`;
    await core.handlers.replayCapture({ captureId: json, target: target(withKey) });
    const keyed = sink.received.at(-1);
    expect(keyed?.url).toBe('/api/hook/a?key=SECRET&x=1');
    const authAt = keyed?.rawHeaders.findIndex((h) => h.toLowerCase() === 'authorization') ?? -1;
    expect(keyed?.rawHeaders[authAt + 1]).toBe(`Basic ${Buffer.from('ann:s@cret').toString('base64')}`);
    // A broken escape in the login is sent as written, never a crash of the send.
    const odd = await core.handlers.replayCapture({
      captureId: json,
      target: target(sink.url.replace('http://', 'http://a%zz:b@')),
    });
    expect(odd.exchange.response?.status).toBe(200);

    // Headers the Connection header names are hop-by-hop too (RFC 9110 §7.6.1): not copied.
    const named = await capture('/named', '{}', [
      ['Connection', 'keep-alive, X-Hop'],
      ['connection', 'x-other'],
      ['X-Hop', 'secret'],
      ['X-Other', 'too'],
      ['X-Kept', 'yes'],
    ]);
    await core.handlers.replayCapture({ captureId: named, target: target(sink.url) });
    const sentNames = (sink.received.at(-1)?.rawHeaders ?? []).filter((_, i) => i % 2 === 0);
    expect(sentNames.map((name) => name.toLowerCase())).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^x-(hop|other)$/)]),
    );
    expect(sink.received.at(-1)?.rawHeaders).toEqual(expect.arrayContaining(['X-Kept', 'yes']));
  });

  it('an edited replay sends the edit and leaves the capture as it was; headers can be dropped and overridden', async () => {
    const id = await capture('/orig', '{"a":1}', [
      ['Content-Type', 'application/json'],
      ['X-Drop', 'me'],
      ['Authorization', 'Bearer old'],
    ]);
    const sink = await server();
    await core.handlers.replayCapture({
      captureId: id,
      target: target(sink.url, {
        dropHeaders: ['x-drop'],
        overrideHeaders: [['Authorization', 'Bearer new']],
      }),
      edit: { method: 'PATCH', bodyBase64: Buffer.from('{"a":2}').toString('base64') },
    });
    expect(sink.received[0]).toMatchObject({ method: 'PATCH', url: '/orig' });
    expect(sink.received[0]?.body.toString()).toBe('{"a":2}');
    expect(sink.received[0]?.rawHeaders).not.toContain('X-Drop');
    expect(sink.received[0]?.rawHeaders).toEqual(expect.arrayContaining(['Authorization', 'Bearer new']));
    const original = await core.handlers.getCapture({ id });
    expect(Buffer.from(original?.bodyBase64 ?? '', 'base64').toString()).toBe('{"a":1}');
    expect(original?.method).toBe('POST');
  });

  it('reports refused, slow and reset targets per request, in words', async () => {
    const id = await capture('/x', '{}', [['Content-Type', 'application/json']]);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await core.handlers.replayCapture({
      captureId: id,
      target: target(`http://127.0.0.1:${port}`),
    });
    expect(refused.exchange.error?.code).toBe('refused');
    expect(refused.exchange.error?.message).toContain(`127.0.0.1:${port}`);

    const slow = await server(() => {});
    const timedOut = await core.handlers.replayCapture({
      captureId: id,
      target: target(slow.url, { timeoutMs: 300 }),
    });
    expect(timedOut.exchange.error?.code).toBe('timeout');

    const reset = await server((_req, res) => res.socket?.resetAndDestroy());
    const wasReset = await core.handlers.replayCapture({ captureId: id, target: target(reset.url) });
    expect(wasReset.exchange.error?.code).toMatch(/reset|other/);
    expect(wasReset.exchange.error?.message).not.toMatch(/\n\s+at /);
  });

  it('bulk replays with progress, concurrency and rate; stops on the first failure when asked; can be cancelled', async () => {
    for (let i = 0; i < 6; i++)
      await capture(`/bulk/${i}`, `{"n":${i}}`, [['Content-Type', 'application/json']]);
    const sink = await server((req, res) => {
      res.statusCode = req.url?.endsWith('/3') ? 500 : 200;
      res.end('{}');
    });
    const events: ReplayProgress[] = [];
    core.on('replayProgress', (p) => events.push(p));
    const request = {
      ...target(sink.url),
      filter: 'path:/bulk',
      keepOrder: true,
      concurrency: 1,
      ratePerSecond: null,
      stopOnFailure: false,
    };
    const started = await core.handlers.startBulkReplay(request);
    await expect
      .poll(() => events.find((e) => e.batchId === started.batchId && e.state !== 'running'), {
        timeout: 5000,
      })
      .toBeTruthy();
    const final = events.filter((e) => e.batchId === started.batchId).at(-1);
    expect(final).toMatchObject({ total: 6, sent: 6, ok: 5, non2xx: 1, errors: 0, state: 'done' });
    expect(sink.received.map((r) => r.url)).toEqual([
      '/bulk/0',
      '/bulk/1',
      '/bulk/2',
      '/bulk/3',
      '/bulk/4',
      '/bulk/5',
    ]);
    expect((await core.handlers.listReplays({ batchId: started.batchId })).length).toBe(6);

    sink.received.length = 0;
    const stopping = await core.handlers.startBulkReplay({ ...request, stopOnFailure: true });
    await expect
      .poll(() => events.find((e) => e.batchId === stopping.batchId && e.state !== 'running'), {
        timeout: 5000,
      })
      .toBeTruthy();
    const stopped = events.filter((e) => e.batchId === stopping.batchId).at(-1);
    expect(stopped).toMatchObject({ state: 'stopped', sent: 4 });
    expect(stopped?.stopReason).toMatch(/got 500/);

    const slowRun = await core.handlers.startBulkReplay({ ...request, ratePerSecond: 2 });
    await core.handlers.cancelBulkReplay({ batchId: slowRun.batchId });
    await expect
      .poll(() => events.find((e) => e.batchId === slowRun.batchId && e.state !== 'running'), {
        timeout: 5000,
      })
      .toBeTruthy();
    expect(events.filter((e) => e.batchId === slowRun.batchId).at(-1)?.state).toBe('cancelled');
    expect(events.filter((e) => e.batchId === slowRun.batchId).at(-1)?.sent).toBeLessThan(6);

    // A window that missed the events asks how each run ended; an unknown run is not_found.
    expect(await core.handlers.getBulkReplay({ batchId: started.batchId })).toMatchObject({
      total: 6,
      sent: 6,
      ok: 5,
      non2xx: 1,
      state: 'done',
    });
    expect(await core.handlers.getBulkReplay({ batchId: stopping.batchId })).toEqual(stopped);
    await expect(core.handlers.getBulkReplay({ batchId: 'no-such-run' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(core.handlers.getBulkReplay({} as { batchId: string })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('a cancelled bulk run counts the replays still awaiting their answers until they end', async () => {
    const ids: number[] = [];
    for (const n of [1, 2, 3, 4, 5])
      ids.push(await capture(`/flight/${n}`, '{}', [['Content-Type', 'application/json']]));
    const slow = await server((_req, res) => setTimeout(() => res.end('{"ok":true}'), 400));
    const events: ReplayProgress[] = [];
    core.on('replayProgress', (p) => events.push(p));
    const started = await core.handlers.startBulkReplay({
      ...target(slow.url),
      ids,
      keepOrder: false,
      concurrency: 3,
      ratePerSecond: null,
      stopOnFailure: false,
    });
    await expect.poll(() => slow.received.length).toBe(3);
    const cancelled = await core.handlers.cancelBulkReplay({ batchId: started.batchId });
    expect(cancelled).toMatchObject({ state: 'cancelled', sent: 0, inFlight: 3 });
    await expect
      .poll(() => events.filter((e) => e.batchId === started.batchId).at(-1)?.sent, { timeout: 5000 })
      .toBe(3);
    expect(events.filter((e) => e.batchId === started.batchId).at(-1)).toMatchObject({
      state: 'cancelled',
      sent: 3,
      ok: 3,
      inFlight: 0,
    });
    expect(slow.received).toHaveLength(3);
  });

  it('a bulk run whose results cannot be stored ends as stopped, in words, not as running', async () => {
    const ids = [
      await capture('/unstored/a', '{"n":1}', [['Content-Type', 'application/json']]),
      await capture('/unstored/b', '{"n":2}', [['Content-Type', 'application/json']]),
    ];
    const sink = await server();
    // The core's own capture file, read from a second connection; results go to a store that is closed.
    const captures = new CaptureStore(join(dir.path, STORE_FILE_NAME));
    const results = new ReplayStore(join(dir.path, 'closed-replays.sqlite'));
    await results.close();
    const events: ReplayProgress[] = [];
    const service = new ReplayService(captures, results, (p) => events.push(p));
    try {
      const request = parseBulk({ ...target(sink.url), ids, concurrency: 1, ratePerSecond: null });
      await expect(service.run(request, 'unstorable')).rejects.toThrow(/closed/);
      const final = events.at(-1);
      expect(final).toMatchObject({ batchId: 'unstorable', state: 'stopped', total: 2 });
      expect(final?.stopReason).toMatch(/^The run stopped on an error: .*closed/);
      expect(service.progress('unstorable')).toEqual(final);
      // The run stopped starting sends after the first result failed to store.
      expect(sink.received.length).toBe(1);
    } finally {
      captures.close();
    }
  });

  it('a bulk run longer than one read-ahead page sends every listed capture in order, repeats included, skipping ids that do not exist', async () => {
    const ids = [
      await capture('/page/a', '{"n":"a"}', [['Content-Type', 'application/json']]),
      await capture('/page/b', Buffer.from([0, 255, 7]), [['Content-Type', 'application/octet-stream']]),
      await capture('/page/c', '{"n":"c"}', [['Content-Type', 'application/json']]),
    ];
    const sink = await server();
    const listed = Array.from({ length: 150 }, () => [...ids, 987_654]).flat();
    const events: ReplayProgress[] = [];
    core.on('replayProgress', (p) => events.push(p));
    const started = await core.handlers.startBulkReplay({
      ...target(sink.url),
      ids: listed,
      keepOrder: true,
      concurrency: 1,
      ratePerSecond: null,
      stopOnFailure: false,
    });
    await expect
      .poll(() => events.find((e) => e.batchId === started.batchId && e.state !== 'running'), {
        timeout: 20_000,
      })
      .toBeTruthy();
    expect(events.filter((e) => e.batchId === started.batchId).at(-1)).toMatchObject({
      total: 600,
      sent: 450,
      ok: 450,
      state: 'done',
    });
    expect(sink.received.map((r) => r.url)).toEqual(
      Array.from({ length: 150 }, () => ['/page/a', '/page/b', '/page/c']).flat(),
    );
    expect(sink.received[448]?.body).toEqual(Buffer.from([0, 255, 7]));
    // Every result is stored by the time the run says it is done.
    const stored = await core.handlers.listReplays({ batchId: started.batchId });
    expect(stored).toHaveLength(200);
    expect(stored[0]?.url).toBe(`${sink.url}/page/c`);
  });

  it('compares the answer Hookbench recorded with a replay response: status, headers, JSON body', async () => {
    const id = await capture('/sms/status', '[{"id_sms":3234,"time":"","state":"send"}]', [
      ['Content-Type', 'application/json'],
    ]);
    const sink = await server((_req, res) => {
      res.setHeader('X-Build', 'B');
      res.statusCode = 202;
      res.end('[{"id_sms":3235}]');
    });
    const replay = await core.handlers.replayCapture({ captureId: id, target: target(sink.url) });
    const diff = await core.handlers.compareResponses({
      left: { kind: 'capture', id },
      right: { kind: 'replay', id: replay.id },
    });
    expect(diff.statusChanged).toBe(true);
    expect(diff.left.status).toBe(200);
    expect(diff.right.status).toBe(202);
    expect(diff.headers).toContainEqual({ name: 'X-Build', left: [], right: ['B'] });
    expect(diff.bodyKind).toBe('json');
    expect(diff.json).toEqual([{ path: '/0/id_sms', kind: 'changed', left: '3234', right: '3235' }]);

    // The same answer gzip-compressed (the replay sent the captured Accept-Encoding) is the same answer.
    const gzipping = await server((_req, res) => {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(gzipSync('[{"id_sms":3234}]'));
    });
    const plain = await server((_req, res) => res.end('[{"id_sms":3234}]'));
    const zipped = await core.handlers.replayCapture({ captureId: id, target: target(gzipping.url) });
    const unzipped = await core.handlers.replayCapture({ captureId: id, target: target(plain.url) });
    const same = await core.handlers.compareResponses({
      left: { kind: 'replay', id: unzipped.id },
      right: { kind: 'replay', id: zipped.id },
    });
    expect(same).toMatchObject({ bodyEqual: true, bodyKind: 'json', json: [] });
    expect(same.right.bodyText).toBe('[{"id_sms":3234}]');

    // The replay outlives its capture; the original answer does not.
    await core.handlers.deleteCaptures({ ids: [id] });
    await expect(
      core.handlers.compareResponses({
        left: { kind: 'capture', id },
        right: { kind: 'replay', id: replay.id },
      }),
    ).rejects.toThrow(
      `Capture #${id} is not in the store (deleted?), so there is no answer of Hookbench's to compare with.`,
    );
  });

  it('SMS gateway simulation retries exactly the missing ids and stops at the attempt limit', async () => {
    // Hookbench's own acknowledgement rule plays the integrator: only 1 and 3 are ever acknowledged.
    for (const rule of (await core.handlers.getRules(undefined)).rules)
      await core.handlers.deleteRule({ id: rule.id });
    await core.handlers.saveRule(
      testRule({
        match: { path: { kind: 'exact', value: '/sms/status' } },
        responder: { kind: 'sms-ack', mode: 'only-listed', ids: ['1', '3'], percentage: 0, seed: 1 },
      }),
    );
    const report = await core.handlers.simulateSmsStatus({
      targetUrl: `${base}/sms/status`,
      ids: ['1', '2', '3', '12345678901234567890'],
      state: 'deliver',
      attempts: 3,
      intervalMs: 10,
      timeoutMs: 5000,
    });
    expect(report.attempts.map((a) => a.sent)).toEqual([
      ['1', '2', '3', '12345678901234567890'],
      ['2', '12345678901234567890'],
      ['2', '12345678901234567890'],
    ]);
    expect(report.ids).toEqual([
      { idSms: '1', attemptsUsed: 1, acknowledged: true },
      { idSms: '2', attemptsUsed: 3, acknowledged: false },
      { idSms: '3', attemptsUsed: 1, acknowledged: true },
      { idSms: '12345678901234567890', attemptsUsed: 3, acknowledged: false },
    ]);
    expect(report.ok).toBe(false);
    // The gateway's batches were captured with the exact big id.
    const last = await core.handlers.getCapture({
      id: (await core.handlers.listCaptures({ limit: 1 })).items[0]?.id as number,
    });
    expect(Buffer.from(last?.bodyBase64 ?? '', 'base64').toString()).toContain(
      '"id_sms":12345678901234567890',
    );
  });

  it('getSimulation says how the latest run of each sender stands: nothing yet, running, then its report', async () => {
    expect(await core.handlers.getSimulation({ kind: 'sdk' })).toEqual({
      kind: 'sdk',
      running: false,
      report: null,
      error: null,
    });
    const slow = await server((_req, res) => setTimeout(() => res.end('[{"id_sms":5}]'), 300));
    const run = core.handlers.simulateSmsStatus({
      targetUrl: slow.url,
      ids: ['5'],
      state: 'read',
      attempts: 1,
      intervalMs: 1000,
      timeoutMs: 5000,
    });
    await expect.poll(() => slow.received.length).toBe(1);
    expect(await core.handlers.getSimulation({ kind: 'sms' })).toMatchObject({ running: true, report: null });
    const report = await run;
    expect(await core.handlers.getSimulation({ kind: 'sms' })).toEqual({
      kind: 'sms',
      running: false,
      report,
      error: null,
    });
    await expect(core.handlers.getSimulation({ kind: 'weather' } as never)).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('SMS simulation flags answers that are not the documented shape', async () => {
    const wrong = await server((req, res) => {
      const ids = (JSON.parse(req.body.toString()) as { id_sms: number }[]).map((s) => s.id_sms);
      res.end(JSON.stringify([...ids.map((id) => ({ id_sms: String(id) })), { id_sms: 999 }]));
    });
    const report = await core.handlers.simulateSmsStatus({
      targetUrl: wrong.url,
      ids: ['5'],
      state: 'read',
      attempts: 5,
      intervalMs: 10,
      timeoutMs: 5000,
    });
    expect(report.ok).toBe(true);
    expect(report.attempts[0]?.problems.join('\n')).toMatch(/acknowledged as a string/);
    expect(report.attempts[0]?.problems.join('\n')).toMatch(/999 was acknowledged but not sent/);
    // null, true, words and lists are not ids: said so, never "acknowledged but not sent".
    const odd = await server((_req, res) =>
      res.end('[{"id_sms":null},{"id_sms":true},{"id_sms":"abc"},{"id_sms":[1]},{"id_sms":5}]'),
    );
    const oddReport = await core.handlers.simulateSmsStatus({
      targetUrl: odd.url,
      ids: ['5'],
      state: 'read',
      attempts: 1,
      intervalMs: 10,
      timeoutMs: 5000,
    });
    expect(oddReport.attempts[0]?.problems).toEqual([
      'An id_sms is not a number: null.',
      'An id_sms is not a number: true.',
      'An id_sms is not a number: "abc".',
      'An id_sms is not a number: [1].',
    ]);
    expect(oddReport.attempts[0]?.acknowledged).toEqual(['5']);
    const notArray = await server((_req, res) => res.end('{"ok":true}'));
    const none = await core.handlers.simulateSmsStatus({
      targetUrl: notArray.url,
      ids: ['5'],
      state: 'read',
      attempts: 2,
      intervalMs: 10,
      timeoutMs: 5000,
    });
    expect(none.ids[0]).toEqual({ idSms: '5', attemptsUsed: 2, acknowledged: false });
    expect(none.attempts[0]?.problems[0]).toMatch(/not a JSON array/);
  });

  it('reverse-integration simulation sends N calls as POST JSON or GET query and reports statuses and latency', async () => {
    const sink = await server((req, res) => {
      const busy = req.url?.includes('login=100001');
      res.statusCode = busy ? 503 : 200;
      res.end(busy ? '{"error":"busy, try later"}' : '');
    });
    const post = await core.handlers.simulateReverse({
      targetUrl: `${sink.url}/rev`,
      method: 'POST',
      count: 5,
      ratePerSecond: 100,
      timeoutMs: 5000,
    });
    expect(post.statuses).toEqual({ '200': 5 });
    expect(post.latencyMs?.p50).toBeGreaterThan(0);
    const body = JSON.parse(sink.received[0]?.body.toString() ?? '{}');
    expect(Object.keys(body).sort()).toEqual(['campaign_name', 'channel', 'login', 'time', 'view_url']);
    expect(body.time).toBeGreaterThan(1e12);
    const get = await core.handlers.simulateReverse({
      targetUrl: `${sink.url}/rev`,
      method: 'GET',
      count: 3,
      ratePerSecond: 100,
      timeoutMs: 5000,
    });
    expect(get.statuses).toEqual({ '200': 2, '503': 1 });
    // Which login got the 503, and what it was told.
    expect(get.calls.map((c) => [c.label, c.status])).toEqual([
      ['login 100000', 200],
      ['login 100001', 503],
      ['login 100002', 200],
    ]);
    expect(get.calls[1]).toMatchObject({ bodyStart: '{"error":"busy, try later"}', error: null });
  });

  it('SDK simulation interprets status codes and flags answers outside the model', async () => {
    const answers = await core.handlers.simulateSdk({
      targetUrl: `${base}/sdk/messages`,
      type: 'PUSH',
      count: 2,
      bearerToken: null,
      timeoutMs: 5000,
    });
    expect(answers.ok).toBe(true);
    expect(answers.messages[0]).toMatchObject({
      status: 200,
      statusCode: '000',
      inModel: true,
      outcome: 'The request was completed successfully',
    });
    const odd = await server((_req, res) => res.end('{"status_code": 0, "status_desc": "ok"}'));
    const flagged = await core.handlers.simulateSdk({
      targetUrl: odd.url,
      type: 'SMS',
      count: 1,
      bearerToken: null,
      timeoutMs: 5000,
    });
    expect(flagged.ok).toBe(false);
    expect(flagged.messages[0]?.outcome).toMatch(/codes are strings/);
  });

  it('CLI: a bulk replay that writes megabytes of results still ends with its exit code and all results stored', async () => {
    // 48 bodies of 100 KB: the results pass the 4 MB that starts the replay store's checkpoint thread,
    // which must not keep the process alive nor let it end before the store is closed.
    for (let i = 0; i < 48; i++) await capture(`/big/${i}`, Buffer.alloc(100 * 1024, 0x41 + (i % 26)), []);
    await core.close();
    const sink = await server((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    const run = await runCliAsync([
      'replay',
      '--data',
      dir.path,
      '--all',
      '--to',
      sink.url,
      '--concurrency',
      '8',
    ]);
    expect(run.stdout).toContain('48 replayed: 0 2xx, 48 non-2xx, 0 network errors.');
    expect(run.status).toBe(1);
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    const ids = (await core.handlers.listCaptures({ limit: 1 })).items.map((item) => item.id);
    expect(await core.handlers.listReplays({ captureId: ids[0] as number })).toHaveLength(1);
    expect(sink.received).toHaveLength(48);
    expect(sink.received.every((request) => request.body.byteLength === 100 * 1024)).toBe(true);
  });

  it('CLI: replay gates on non-2xx; simulate sms-status exits 1 when an id is never acknowledged', async () => {
    await capture('/cli/ok', '{}', [['Content-Type', 'application/json']]);
    await capture('/cli/bad', '{}', [['Content-Type', 'application/json']]);
    await core.close();
    const sink = await server((req, res) => {
      res.statusCode = req.url?.endsWith('/bad') ? 500 : 200;
      res.end();
    });
    const ok = await runCliAsync([
      'replay',
      '--data',
      dir.path,
      '--filter',
      'path:/cli/ok',
      '--to',
      `${sink.url}/base`,
    ]);
    expect(ok.stdout).toContain('/base/cli/ok → 200');
    expect(ok.stdout).toContain('1 replayed: 1 2xx, 0 non-2xx, 0 network errors.');
    expect(ok.status).toBe(0);
    const all = await runCliAsync([
      'replay',
      '--data',
      dir.path,
      '--all',
      '--to',
      sink.url,
      '--concurrency',
      '4',
    ]);
    expect(all.status).toBe(1);
    expect((await runCliAsync(['replay', '--data', dir.path, '--to', sink.url])).status).toBe(2);

    const acks = await server((req, res) => {
      const ids = (JSON.parse(req.body.toString()) as { id_sms: number }[])
        .map((s) => s.id_sms)
        .filter((id) => id !== 2);
      res.end(JSON.stringify(ids.map((id) => ({ id_sms: id }))));
    });
    const sim = await runCliAsync([
      'simulate',
      'sms-status',
      '--to',
      acks.url,
      '--ids',
      '1,2',
      '--attempts',
      '2',
      '--interval-ms',
      '10',
    ]);
    expect(sim.stdout).toContain('id_sms 1: acknowledged after 1 attempt');
    expect(sim.stdout).toContain('id_sms 2: never acknowledged after 2 attempts');
    expect(sim.status).toBe(1);
    core = await createHookbench({ dataDir: dir.path });
  });
});
