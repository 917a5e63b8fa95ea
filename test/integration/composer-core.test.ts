import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import type { HistorySummary } from '../../shared/composer';
import { tempDir } from '../helpers/temp-dir';

describe('the composer in the core: send to Hookbench’s own receiver, sample it, re-send it', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  let base: string;

  beforeEach(async () => {
    dir = tempDir();
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    await core.start();
    base = ((await core.handlers.getReceiverStatus(undefined)).url as string).replace(/\/$/, '');
    await core.handlers.setComposerEnv({ env: { BASE_URL: base } });
  });
  afterEach(async () => {
    await core.close();
    dir.cleanup();
  });

  const example = async (name: string) => {
    const state = await core.handlers.getComposerState(undefined);
    const request = state.requests.find((r) => r.name === name);
    if (!request?.dataSetId) throw new Error(`no example ${name}`);
    return { request, dataSetId: request.dataSetId };
  };

  it('sends a saved example, records it, and the receiver captures the exact bytes', async () => {
    const announced: (HistorySummary | null)[] = [];
    core.on('composerHistoryChanged', ({ latest }) => announced.push(latest));
    const { request, dataSetId } = await example('WebHook: mini-game spin issued');
    const entry = await core.handlers.sendComposerRequest({ request, data: { dataSetId } });

    expect(entry.exchange.error).toBeNull();
    expect(entry.exchange.response?.status).toBe(200);
    expect(entry).toMatchObject({
      requestId: request.id,
      requestName: request.name,
      dataSetId,
      resendable: true,
    });
    expect(entry.options).toEqual({ timeoutMs: 10_000, followRedirects: false, verifyTls: true });
    expect(announced.map((s) => s?.id)).toEqual([entry.id]);

    const captured = (await core.handlers.listCaptures({ limit: 1 })).items[0];
    const detail = await core.handlers.getCapture({ id: captured?.id ?? 0 });
    expect(detail?.path).toBe('/hooks/minigame');
    expect(detail?.bodyBase64).toBe(entry.exchange.request.bodyBase64);
    expect(JSON.parse(Buffer.from(detail?.bodyBase64 ?? '', 'base64').toString())).toMatchObject({
      saw_template_id: '1204',
      brand: '3',
    });

    // The captured body becomes sample data.
    const { dataSet } = await core.handlers.useCaptureAsSample({
      captureId: captured?.id ?? 0,
      name: 'From the wire',
    });
    expect(dataSet.name).toBe('From the wire');
    expect(JSON.parse(dataSet.eventText)).toMatchObject({
      saw_template_id: '1204',
      minigame_spins_count: '3',
    });

    // Re-sending sends the same bytes again, as a new history entry.
    const again = await core.handlers.resendComposerHistoryEntry({ id: entry.id });
    expect(again.id).toBeGreaterThan(entry.id);
    expect(again.exchange.request.bodyBase64).toBe(entry.exchange.request.bodyBase64);
    expect(again.exchange.response?.status).toBe(200);
    const second = (await core.handlers.listCaptures({ limit: 1 })).items[0];
    expect((await core.handlers.getCapture({ id: second?.id ?? 0 }))?.bodyBase64).toBe(detail?.bodyBase64);

    const history = await core.handlers.listComposerHistory({});
    expect(history.total).toBe(2);
    expect(history.items.map((item) => item.id)).toEqual([again.id, entry.id]);
    expect(history.items[0]).toMatchObject({
      method: 'POST',
      url: `${base}/hooks/minigame`,
      status: 200,
      errorCode: null,
    });
    expect((await core.handlers.getComposerHistoryEntry({ id: entry.id }))?.exchange.request.url).toBe(
      `${base}/hooks/minigame`,
    );
    expect(await core.handlers.clearComposerHistory(undefined)).toEqual({ total: 0 });
    expect((await core.handlers.listComposerHistory({})).items).toEqual([]);
  });

  it('records a failed send (refused) as history with the plain-words error', async () => {
    const { request, dataSetId } = await example('WebHook: level upgraded');
    const entry = await core.handlers.sendComposerRequest({
      request: { ...request, urlTemplate: 'http://127.0.0.1:9/hook' },
      data: { dataSetId },
    });
    expect(entry.exchange.response).toBeNull();
    expect(entry.exchange.error?.message).toBe(
      'Could not connect to http://127.0.0.1:9/hook: the connection was refused — is the server running?',
    );
    expect((await core.handlers.listComposerHistory({ limit: 1 })).items[0]?.errorCode).toBe('refused');
  });

  it('refuses a GET whose body cannot become query parameters, instead of sending it without its fields', async () => {
    const { request, dataSetId } = await example('WebHook: level upgraded');
    // Raw mode and the level name's quote: the rendered body is not JSON.
    const get = { ...request, method: 'GET' as const, bodyMode: 'raw' as const };
    const preview = await core.handlers.previewComposerRequest({ request: get, data: { dataSetId } });
    expect(preview.sendable).toBe(false);
    await expect(core.handlers.sendComposerRequest({ request: get, data: { dataSetId } })).rejects.toThrow(
      'Not sent: A GET request carries its fields in the query string, but the body is not valid JSON.',
    );
    await expect(
      core.handlers.streamComposerRequest({
        request: get,
        data: { dataSetId },
        count: 2,
        ratePerSecond: 100,
      }),
    ).rejects.toThrow(/Not sent: A GET request carries its fields/);
    expect((await core.handlers.listCaptures({ limit: 1 })).items).toEqual([]);
    expect((await core.handlers.listComposerHistory({})).total).toBe(0);
  });

  it('previews a saved example with the env, and checks it across every data set', async () => {
    const { request, dataSetId } = await example('WebHook: level upgraded');
    const preview = await core.handlers.previewComposerRequest({ request, data: { dataSetId } });
    expect(preview.url).toBe(`${base}/hooks/level`);
    expect(preview.lint.find((f) => f.rule === 'raw-mode-break')?.path).toBe('state.level_name');
    const checks = await core.handlers.previewAcrossDataSets({ request });
    expect(checks.map((c) => c.validRaw)).toEqual([true, false, true]);
  });
});

describe('a new composer file', () => {
  it('points BASE_URL at the receiver this run listens on (serve --port), so the examples land in Captures', async () => {
    const dir = tempDir();
    const core = await createHookbench({ dataDir: dir.path, receiver: { host: '0.0.0.0', port: 18_765 } });
    try {
      expect((await core.handlers.getComposerState(undefined)).env).toEqual({
        BASE_URL: 'http://127.0.0.1:18765',
      });
    } finally {
      await core.close();
      dir.cleanup();
    }
  });
});
