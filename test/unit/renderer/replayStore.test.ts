import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../renderer/client/clientError';
import { createAppRuntime } from '../../../renderer/state/appRuntime';
import { mergeProgress } from '../../../renderer/state/replayStore';
import type { ReplayProgress } from '../../../shared/replay';
import { fakeClient, manualScheduler, tick } from './fakes';

const progress = (patch: Partial<ReplayProgress>): ReplayProgress => ({
  batchId: 'b1',
  total: 3,
  sent: 0,
  ok: 0,
  non2xx: 0,
  errors: 0,
  inFlight: 0,
  state: 'running',
  stopReason: null,
  ...patch,
});

function runtime() {
  const f = fakeClient();
  const s = manualScheduler();
  const rt = createAppRuntime(f.client as never, s.schedule);
  rt.start();
  return { f, s, rt, replay: () => rt.stores.replay.getState() };
}

describe('mergeProgress', () => {
  it('keeps counts growing and a finished state final', () => {
    const done = progress({ sent: 3, ok: 3, state: 'done' });
    expect(mergeProgress(done, progress({ sent: 2, ok: 2 }))).toEqual(done);
    expect(mergeProgress(progress({ sent: 1 }), done)).toEqual(done);
    // A cancel answer (fewer sent) after the final event keeps the final counts.
    const final = progress({ sent: 2, ok: 2, state: 'cancelled' });
    expect(mergeProgress(final, progress({ sent: 1, ok: 1, state: 'cancelled' }))).toEqual(final);
    const other = progress({ batchId: 'b2' });
    expect(mergeProgress(done, other)).toEqual(other);
    expect(mergeProgress(null, other)).toEqual(other);
  });
});

const target = {
  targetUrl: 'http://127.0.0.1:9/',
  rebase: true,
  dropHeaders: [],
  overrideHeaders: [],
  timeoutMs: 1000,
  followRedirects: false,
  verifyTls: true,
};

const bulkRequest = {
  ...target,
  filter: 'path:/bulk',
  keepOrder: true,
  concurrency: 1,
  ratePerSecond: null,
  stopOnFailure: false,
};

const summary = (id: number) => ({
  id,
  captureId: 1,
  batchId: null,
  startedAt: '2025-01-01T00:00:00.000Z',
  method: 'POST',
  url: 'http://127.0.0.1:9/sms/status',
  status: 202,
  error: null,
  totalMs: 3,
});

describe('replay store', () => {
  it('a final event buffered before the start answer is not undone by it', async () => {
    const { f, replay } = runtime();
    const start = replay().startBulk(bulkRequest);
    const call = f.takeLatest('startBulkReplay');
    expect(call.request).toMatchObject({ filter: 'path:/bulk', keepOrder: true });
    f.emit('replayProgress', progress({ sent: 3, ok: 3, state: 'done' }));
    expect(replay().bulk).toBeNull(); // still buffered for the next frame
    call.resolve(progress({}));
    await start;
    expect(replay().bulk).toMatchObject({ state: 'done', sent: 3, ok: 3 });
    // The finished run reloads the results list.
    expect(f.count('listReplays')).toBe(1);
  });

  it('shows live counts per frame; another run does not push aside a running one', async () => {
    const { f, s, replay } = runtime();
    f.emit('replayProgress', progress({ sent: 1, ok: 1 }));
    f.emit('replayProgress', progress({ sent: 2, ok: 2 }));
    s.frame();
    expect(replay().bulk).toMatchObject({ batchId: 'b1', sent: 2 });
    f.emit('replayProgress', progress({ batchId: 'other', sent: 5 }));
    s.frame();
    expect(replay().bulk?.batchId).toBe('b1');
    f.emit('replayProgress', progress({ sent: 3, ok: 3, state: 'done' }));
    f.emit('replayProgress', progress({ batchId: 'other', sent: 6 }));
    s.frame();
    expect(replay().bulk).toMatchObject({ batchId: 'other', sent: 6 });
    await tick();
  });

  it('cancels the run on screen by its batch id', async () => {
    const { f, s, replay } = runtime();
    f.emit('replayProgress', progress({ sent: 1 }));
    s.frame();
    const cancel = replay().cancelBulk();
    const call = f.takeLatest('cancelBulkReplay');
    expect(call.request).toEqual({ batchId: 'b1' });
    call.resolve(progress({ sent: 1, state: 'cancelled' }));
    await cancel;
    expect(replay().bulk?.state).toBe('cancelled');
  });

  it('a Cancel that finds the run over, and a reconnect, show how the run ended from the core', async () => {
    const { f, s, replay } = runtime();
    f.emit('replayProgress', progress({ sent: 1 }));
    s.frame();
    const cancel = replay().cancelBulk();
    f.takeLatest('cancelBulkReplay').reject(
      new ClientError('not_found', 'That replay is not running any more.'),
    );
    await tick();
    f.takeLatest('getBulkReplay').resolve(progress({ sent: 3, ok: 3, state: 'done' }));
    await cancel;
    expect(replay().bulk).toMatchObject({ sent: 3, ok: 3, state: 'done' });

    // A run the core has forgotten (it restarted) is shown as over, with its counts so far.
    f.emit('replayProgress', progress({ batchId: 'b2', sent: 2 }));
    s.frame();
    const resync = replay().resync();
    f.takeLatest('getBulkReplay').reject(
      new ClientError('not_found', 'Hookbench no longer knows that replay run.'),
    );
    await resync;
    expect(replay().bulk).toMatchObject({ batchId: 'b2', sent: 2, state: 'stopped' });
    expect(replay().bulk?.stopReason).toMatch(/no longer knows how this run ended/);
  });

  it('a single replay reloads the results; an older list answer never overwrites a newer one', async () => {
    const { f, replay } = runtime();
    const sent = replay().replayOne({ captureId: 1, target });
    const call = f.takeLatest('replayCapture');
    expect(call.request).toEqual({ captureId: 1, target });
    call.resolve({ id: 7, captureId: 1, batchId: null, edited: false, exchange: {} });
    expect((await sent).id).toBe(7);
    const first = f.takeLatest('listReplays');
    void replay().loadResults();
    const second = f.takeLatest('listReplays');
    second.resolve([summary(8), summary(7)]);
    await tick();
    first.resolve([summary(7)]);
    await tick();
    expect(replay().results.map((r) => r.id)).toEqual([8, 7]);
    expect(replay().resultsStatus).toBe('ready');
  });

  it('reports a failed results load in words', async () => {
    const { f, replay } = runtime();
    const load = replay().loadResults();
    f.takeLatest('listReplays').reject(new ClientError('unavailable', 'The core is not reachable.'));
    await load;
    expect(replay().resultsStatus).toBe('error');
    expect(replay().resultsError).toBe('The core is not reachable.');
  });

  it('runs a simulation: running, then the report or the error in words; a newer run wins', async () => {
    const { f, replay } = runtime();
    const options = {
      targetUrl: 'http://h/sms',
      ids: ['1'],
      state: 'deliver',
      attempts: 5,
      intervalMs: 1000,
      timeoutMs: 10,
    };
    const first = replay().simulateSms(options);
    expect(replay().sms.running).toBe(true);
    const firstCall = f.takeLatest('simulateSmsStatus');
    const second = replay().simulateSms(options);
    const secondCall = f.takeLatest('simulateSmsStatus');
    const report = { ids: [{ idSms: '1', attemptsUsed: 1, acknowledged: true }], attempts: [], ok: true };
    secondCall.resolve(report);
    await second;
    firstCall.reject(new ClientError('bad_request', 'The target "x" is not a URL.'));
    await first;
    expect(replay().sms).toEqual({ running: false, report, error: null });

    const failing = replay().simulateSdk({
      targetUrl: 'x',
      type: 'SMS',
      count: 1,
      bearerToken: null,
      timeoutMs: 10,
    });
    f.takeLatest('simulateSdk').reject(new ClientError('bad_request', 'The target "x" is not a URL.'));
    await failing;
    expect(replay().sdk).toEqual({ running: false, report: null, error: 'The target "x" is not a URL.' });
  });

  it('"Replay" on a capture chooses it and opens the Replay tab and section', () => {
    const { rt, replay } = runtime();
    replay().setTab('sms');
    expect(rt.stores.navigation.getState().section).toBe('captures');
    replay().requestCapture(42);
    rt.stores.navigation.getState().setSection('replay');
    expect(replay()).toMatchObject({ tab: 'replay', captureId: 42 });
    expect(rt.stores.navigation.getState().section).toBe('replay');
  });

  it('counts filter matches with a one-item page and lists recent captures', async () => {
    const { f, replay } = runtime();
    const counted = replay().countMatching('path:/bulk');
    const call = f.takeLatest('listCaptures');
    expect(call.request).toEqual({ filter: 'path:/bulk', limit: 1 });
    call.resolve({ items: [], total: 9, matched: 3, hasMore: true });
    expect(await counted).toBe(3);
  });
});
