import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import { runPaced } from '../../electron/core/replay/pacer';
import { recordingServer } from '../helpers/recording-server';
import { tempDir } from '../helpers/temp-dir';

describe('simulations: cancelled at once, refused in words, judged by the HTTP status', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  let closed: boolean;
  const servers: Awaited<ReturnType<typeof recordingServer>>[] = [];
  const target = async (...args: Parameters<typeof recordingServer>) => {
    const s = await recordingServer(...args);
    servers.push(s);
    return s;
  };
  /** Resolves once the target has received `n` requests. */
  const received = async (s: { received: unknown[] }, n: number) => {
    while (s.received.length < n) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  beforeEach(async () => {
    dir = tempDir();
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    closed = false;
  });
  afterEach(async () => {
    if (!closed) await core.close();
    for (const s of servers.splice(0)) await s.close();
    dir.cleanup();
  });

  it('an SMS gateway run waiting 10 minutes for its next attempt stops at a cancel, and at close', async () => {
    const nobody = await target((_req, res) => res.end('[]'));
    const options = {
      targetUrl: nobody.url,
      ids: ['1', '2'],
      state: 'deliver',
      attempts: 50,
      intervalMs: 600_000,
      timeoutMs: 5000,
    };
    const run = core.handlers.simulateSmsStatus(options);
    await received(nobody, 1);
    expect(await core.handlers.cancelSimulation({ kind: 'sms' })).toEqual({ cancelled: true });
    const report = await run;
    expect(report).toMatchObject({ ok: false, cancelled: true });
    expect(report.attempts).toHaveLength(1);
    expect(await core.handlers.cancelSimulation({ kind: 'sms' })).toEqual({ cancelled: false });

    // Closing the core (hookbench serve stopping) ends a run too.
    const again = core.handlers.simulateSmsStatus(options);
    await received(nobody, 2);
    await core.close();
    closed = true;
    expect((await again).cancelled).toBe(true);
  });

  it('a new run of the same sender replaces the one still running (a reloaded window lost sight of it)', async () => {
    const slow = await target((_req, res) => setTimeout(() => res.end('{"status_code":"000"}'), 200));
    const first = core.handlers.simulateSdk({
      targetUrl: slow.url,
      type: 'SMS',
      count: 1000,
      bearerToken: null,
      timeoutMs: 5000,
    });
    await received(slow, 1);
    const second = await core.handlers.simulateSdk({
      targetUrl: slow.url,
      type: 'PUSH',
      count: 1,
      bearerToken: null,
      timeoutMs: 5000,
    });
    expect(second.cancelled).toBe(false);
    const replaced = await first;
    expect(replaced).toMatchObject({ cancelled: true, ok: false });
  });

  it('refuses ids the gateway could not send, and rates a timer cannot keep, in words', async () => {
    const base = {
      targetUrl: 'http://127.0.0.1:9/',
      state: 'deliver',
      attempts: 1,
      intervalMs: 1000,
      timeoutMs: 1000,
    };
    await expect(core.handlers.simulateSmsStatus({ ...base, ids: ['3234', '007'] })).rejects.toThrow(
      '"007" is not an SMS id; ids are whole numbers written without leading zeros, like 3234.',
    );
    await expect(core.handlers.simulateSmsStatus({ ...base, ids: ['abc'] })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(
      core.handlers.simulateReverse({
        targetUrl: 'http://127.0.0.1:9/',
        method: 'POST',
        count: 1,
        ratePerSecond: 0.0000001,
        timeoutMs: 1000,
      }),
    ).rejects.toThrow('Calls per second must be a number from 0.001 to 100,000.');
    await expect(
      core.handlers.startBulkReplay({
        targetUrl: 'http://127.0.0.1:9/',
        rebase: true,
        verifyTls: true,
        dropHeaders: [],
        overrideHeaders: [],
        timeoutMs: 1000,
        followRedirects: false,
        keepOrder: false,
        concurrency: 1,
        ratePerSecond: 1e9,
        stopOnFailure: false,
      }),
    ).rejects.toThrow(
      'Requests per second must be a number from 0.001 to 100,000. Leave it empty for no limit.',
    );
  });

  it('a header value or token a header cannot carry is refused before anything is sent', async () => {
    await expect(
      core.handlers.simulateSdk({
        targetUrl: 'http://127.0.0.1:9/',
        type: 'SMS',
        count: 1,
        bearerToken: 'a\nb',
        timeoutMs: 1000,
      }),
    ).rejects.toThrow('The token cannot be sent. The Authorization header');
    await expect(
      core.handlers.replayCapture({
        captureId: 1,
        target: {
          targetUrl: 'http://127.0.0.1:9/',
          rebase: true,
          verifyTls: true,
          dropHeaders: [],
          overrideHeaders: [['X-A', 'héllo ✓']],
          timeoutMs: 1000,
          followRedirects: false,
        },
      }),
    ).rejects.toThrow('The X-A header\'s value has "✓", which a header cannot carry (Latin-1 text only).');
  });

  it('the SDK simulator counts an HTTP 500 as a failure, whatever status_code its body says', async () => {
    const failing = await target((_req, res) => {
      res.statusCode = 500;
      res.end('{"status_code":"000","status_desc":"ok","error_message":"","delivery_id":"1"}');
    });
    const report = await core.handlers.simulateSdk({
      targetUrl: failing.url,
      type: 'SMS',
      count: 1,
      bearerToken: null,
      timeoutMs: 5000,
    });
    expect(report.ok).toBe(false);
    expect(report.messages[0]).toMatchObject({ status: 500, statusCode: '000', inModel: false });
    expect(report.messages[0]?.outcome).toMatch(
      /^The server answered HTTP 500, a failure whatever its body says/,
    );
  });
});

describe('pacing', () => {
  it('"at most N per second" holds after a slow task: later starts are not bunched to catch up', async () => {
    const starts: number[] = [];
    await runPaced([0, 1, 2, 3, 4], { concurrency: 1, ratePerSecond: 20 }, async (i) => {
      starts.push(performance.now());
      if (i === 0) await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    // 50 ms apart at least (a timer may fire a millisecond early); never back to back.
    for (const gap of gaps.slice(1)) expect(gap).toBeGreaterThanOrEqual(45);
  });
});
