import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createComposerCommands } from '../../../electron/core/composer/composer-commands';
import { CoreError } from '../../../electron/core/errors';
import { CoreEvents } from '../../../electron/core/events';
import type { ComposerRequestDraft, ComposerState } from '../../../shared/composer';
import type { CaptureDetail } from '../../../shared/domain';
import { tempDir } from '../../helpers/temp-dir';

function capture(id: number, body: string | Buffer, extra: Partial<CaptureDetail> = {}): CaptureDetail {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return {
    id,
    receivedAt: '2026-01-01T00:00:00.000Z',
    method: 'POST',
    path: '/hooks/minigame',
    status: 200,
    bodySize: bytes.byteLength,
    contentType: 'application/json',
    truncated: false,
    kind: null,
    valid: null,
    ruleName: null,
    fault: null,
    pinned: false,
    note: null,
    bucket: null,
    httpVersion: '1.1',
    headers: [['Content-Type', 'application/json']],
    bodyBase64: bytes.toString('base64'),
    declaredBodySize: null,
    remoteAddress: '127.0.0.1',
    remotePort: 50000,
    response: { status: 200, headers: [], bodyBase64: '' },
    origin: { kind: 'fallback' } as unknown as CaptureDetail['origin'],
    findings: [],
    ...extra,
  };
}

describe('composer commands (with a real composer file)', () => {
  let dir: ReturnType<typeof tempDir>;
  let events: CoreEvents;
  let changes: ComposerState[];
  const captures = new Map<number, CaptureDetail>();
  const make = () =>
    createComposerCommands({
      dataDir: dir.path,
      captures: { get: (id) => captures.get(id) ?? null },
      events,
    });

  beforeEach(() => {
    dir = tempDir();
    events = new CoreEvents();
    changes = [];
    events.on('composerChanged', (state) => changes.push(state));
  });
  afterEach(() => dir.cleanup());

  it('starts a new data folder with the seed examples and a BASE_URL', async () => {
    const state = await make().getComposerState(undefined);
    expect(state.dataSets.map((d) => d.name)).toEqual([
      'Mini-game spin issued',
      'Level upgraded (quote in the name)',
      'Asset sent (reverse integration)',
    ]);
    expect(state.requests).toHaveLength(3);
    expect(state.collections).toEqual(['Examples']);
    expect(state.env).toEqual({ BASE_URL: 'http://127.0.0.1:7700' });
    for (const request of state.requests)
      expect(state.dataSets.some((d) => d.id === request.dataSetId)).toBe(true);
  });

  it('keeps the readable items of a hand-broken composer.json, and a copy of the file', async () => {
    await make().getComposerState(undefined);
    const path = join(dir.path, 'composer.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.requests[1].method = 'DELETE';
    writeFileSync(path, JSON.stringify(file));
    const warnings: string[] = [];
    const commands = createComposerCommands({
      dataDir: dir.path,
      captures: { get: () => null },
      events,
      warn: (message) => warnings.push(message),
    });
    expect((await commands.getComposerState(undefined)).requests).toHaveLength(2);
    expect(warnings[0]).toMatch(/1 item\(s\) in .*composer\.json could not be read/);
    expect(readdirSync(dir.path).some((name) => name.startsWith('composer.unreadable-'))).toBe(true);
  });

  it('saves data sets from JSON text, refusing bad JSON with the line and column', async () => {
    const commands = make();
    const { dataSet } = await commands.saveDataSet({ name: 'Mine', stateText: '{"a": 1}', eventText: '' });
    expect(dataSet).toMatchObject({ name: 'Mine', stateText: '{"a": 1}', eventText: '{}' });
    expect(changes).toHaveLength(1);
    const bad = commands.saveDataSet({ name: 'Bad', stateText: '{}', eventText: '{\n  "a": 1,\n}' });
    await expect(bad).rejects.toThrow(CoreError);
    await expect(bad).rejects.toThrow(/^The event is not valid JSON: line 3, column 1: /);
    // Kept across a restart.
    expect((await make().getComposerState(undefined)).dataSets.some((d) => d.id === dataSet.id)).toBe(true);
  });

  it('keeps every digit of ids a double cannot hold, saved, reloaded, previewed and sampled', async () => {
    const big = '12345678901234567890';
    const commands = make();
    const { dataSet } = await commands.saveDataSet({
      name: 'Big ids',
      stateText: `{"user_id": ${big}, "score": 1.50}`,
      eventText: '{}',
    });
    // The text goes back to the editor exactly as written, also after a restart.
    expect(dataSet.stateText).toBe(`{"user_id": ${big}, "score": 1.50}`);
    const reloaded = (await make().getComposerState(undefined)).dataSets.find((d) => d.id === dataSet.id);
    expect(reloaded?.stateText).toContain(big);
    const body = '{"bare": {{state.user_id}}, "quoted": "{{state.user_id}}", "score": {{state.score}} }';
    for (const data of [
      { dataSetId: dataSet.id },
      { stateText: `{"user_id": ${big}, "score": 1.50}`, eventText: '' },
    ]) {
      const preview = await commands.previewComposerRequest({
        request: {
          name: 'Big',
          urlTemplate: 'http://127.0.0.1:9/x',
          bodyTemplate: body,
        } as ComposerRequestDraft,
        data,
      });
      expect(preview.problems).toEqual([]);
      expect(preview.body).toBe(`{"bare": ${big}, "quoted": "${big}", "score": 1.50 }`);
    }
    captures.set(11, capture(11, `[{"id_sms": ${big}, "time": "", "state": "send"}]`));
    const sampled = await commands.useCaptureAsSample({ captureId: 11 });
    expect(sampled.dataSet.eventText).toContain(`"id_sms": ${big}`);
  });

  it('saves requests with defaults, previews unsaved data, and deletes', async () => {
    const commands = make();
    const { request } = await commands.saveComposerRequest({
      name: 'Ping',
      collection: 'Mine',
      urlTemplate: '{{env.BASE_URL}}/ping/{{state.user}}',
      bodyTemplate: '{"who": "{{event.who}}"}',
    } as ComposerRequestDraft);
    expect(request).toMatchObject({
      method: 'POST',
      bodyMode: 'json-safe',
      timeoutMs: 10_000,
      verifyTls: true,
    });
    const preview = await commands.previewComposerRequest({
      request,
      data: { stateText: '{"user": "u1"}', eventText: '{"who": "a\\"b"}' },
      env: { BASE_URL: 'http://example.test' },
    });
    expect(preview.url).toBe('http://example.test/ping/u1');
    expect(JSON.parse(preview.body)).toEqual({ who: 'a"b' });
    await expect(
      commands.previewComposerRequest({ request, data: { stateText: '{', eventText: '{}' } }),
    ).rejects.toThrow(/^The state is not valid JSON: line 1, column 2/);
    const after = await commands.deleteComposerRequest({ id: request.id });
    expect(after.collections).toEqual(['Examples']);
    await expect(commands.deleteComposerRequest({ id: request.id })).rejects.toThrow(/no saved request/);
  });

  it('refuses bad input in plain words', async () => {
    const commands = make();
    await expect(
      commands.saveComposerRequest({ method: 'PUT' } as unknown as ComposerRequestDraft),
    ).rejects.toThrow('method must be "POST" or "GET".');
    await expect(
      commands.saveComposerRequest({
        headers: [{ name: 'Bad Name', valueTemplate: '' }],
      } as ComposerRequestDraft),
    ).rejects.toThrow(/is not a header name/);
    await expect(commands.setComposerEnv({ env: { 'BASE-URL': 'x' } })).rejects.toThrow(
      /cannot be a variable name/,
    );
    await expect(
      commands.saveComposerRequest({ dataSetId: 'data-nope' } as ComposerRequestDraft),
    ).rejects.toThrow(/no data set with id "data-nope"/);
    // A timeout field left unreadable arrives as null over JSON: refused, not taken as the default.
    for (const timeoutMs of [null, 0, 600_001, 1.5])
      await expect(
        commands.sendComposerRequest({
          request: { urlTemplate: 'http://127.0.0.1:9/', timeoutMs } as unknown as ComposerRequestDraft,
          data: null,
        }),
      ).rejects.toThrow(/^The timeout must be a whole number of milliseconds from 1 to 600,000\.$/);
  });

  it('turns a capture’s JSON body (gzip-decoded) into a data set’s event', async () => {
    const commands = make();
    captures.set(
      7,
      capture(7, gzipSync('{"saw_template_id": 99}'), { headers: [['Content-Encoding', 'gzip']] }),
    );
    const { dataSet } = await commands.useCaptureAsSample({ captureId: 7 });
    expect(dataSet).toMatchObject({ name: 'Capture #7 (POST /hooks/minigame)', stateText: '{}' });
    expect(JSON.parse(dataSet.eventText)).toEqual({ saw_template_id: 99 });
    const target = (await commands.getComposerState(undefined)).dataSets[0];
    const replaced = await commands.useCaptureAsSample({ captureId: 7, dataSetId: target?.id ?? '' });
    expect(replaced.dataSet).toMatchObject({ id: target?.id, stateText: target?.stateText });
    expect(JSON.parse(replaced.dataSet.eventText)).toEqual({ saw_template_id: 99 });

    captures.set(8, capture(8, '', { method: 'GET', path: '/users/communications?login=42&channel=SMS' }));
    expect(JSON.parse((await commands.useCaptureAsSample({ captureId: 8 })).dataSet.eventText)).toEqual({
      login: '42',
      channel: 'SMS',
    });
    captures.set(9, capture(9, '{"a": "x" "b": 1}'));
    await expect(commands.useCaptureAsSample({ captureId: 9 })).rejects.toThrow(
      /^Capture 9's body is not valid JSON \(line 1, column 11: /,
    );
    await expect(commands.useCaptureAsSample({ captureId: 404 })).rejects.toThrow(
      'Capture 404 no longer exists.',
    );
  });

  it('exports a collection with its data sets and imports it with fresh ids', async () => {
    const commands = make();
    const { fileName, text } = await commands.exportComposerCollection({ collection: 'Examples' });
    expect(fileName).toBe('hookbench-examples.json');
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'hookbench-composer-collection',
      version: 1,
      collection: 'Examples',
    });
    expect(file.requests).toHaveLength(3);
    expect(file.dataSets).toHaveLength(3);
    expect(file.env).toBeUndefined();

    const { state, imported } = await commands.importComposerCollection({ text, collection: 'Copy' });
    expect(imported).toBe(3);
    expect(state.collections).toEqual(['Copy', 'Examples']);
    expect(state.dataSets).toHaveLength(6);
    const copies = state.requests.filter((r) => r.collection === 'Copy');
    const originalIds = new Set(file.requests.map((r: { id: string }) => r.id));
    for (const copy of copies) {
      expect(originalIds.has(copy.id)).toBe(false);
      const dataSet = state.dataSets.find((d) => d.id === copy.dataSetId);
      expect(file.dataSets.some((d: { id: string }) => d.id === dataSet?.id)).toBe(false);
    }
    await expect(commands.importComposerCollection({ text: '{"format": "other"}' })).rejects.toThrow(
      /not a Hookbench collection file/,
    );
    await expect(commands.exportComposerCollection({ collection: 'Nope' })).rejects.toThrow(/no collection/);
  });

  it('keeps ids of 20 digits through a collection file, and reads data sets saved as values', async () => {
    const big = '12345678901234567890';
    const commands = make();
    const { dataSet } = await commands.saveDataSet({
      name: 'Big',
      stateText: `{"id": ${big}}`,
      eventText: '{}',
    });
    await commands.saveComposerRequest({
      name: 'Uses big',
      collection: 'Big ids',
      dataSetId: dataSet.id,
      urlTemplate: 'http://127.0.0.1:9/x',
    } as ComposerRequestDraft);
    const { text } = await commands.exportComposerCollection({ collection: 'Big ids' });
    // A JSON value in the file, as people read and edit it, with the digits as they were.
    expect(text).toContain(`"id": ${big}`);
    const { state } = await commands.importComposerCollection({ text, collection: 'Copy' });
    const copy = state.requests.find((r) => r.collection === 'Copy');
    expect(state.dataSets.find((d) => d.id === copy?.dataSetId)?.stateText).toContain(`"id": ${big}`);

    // A composer file from before data sets were kept as text.
    writeFileSync(
      join(dir.path, 'composer.json'),
      JSON.stringify({
        dataSets: [{ id: 'data-old', name: 'Old', state: { a: 1 }, event: {} }],
        requests: [],
      }),
    );
    const old = (await make().getComposerState(undefined)).dataSets;
    expect(old.map((d) => d.id)).toEqual(['data-old']);
    expect(JSON.parse(old[0]?.stateText ?? '')).toEqual({ a: 1 });
  });

  it('refuses to send a request with template errors, naming where', async () => {
    const commands = make();
    const send = commands.sendComposerRequest({
      request: {
        urlTemplate: 'http://127.0.0.1:9/hook',
        bodyTemplate: '{"a": "{{#if x}}"}',
      } as ComposerRequestDraft,
      data: null,
    });
    await expect(send).rejects.toThrow(/^Not sent: .*\(body, line 1, column/);
  });
});
