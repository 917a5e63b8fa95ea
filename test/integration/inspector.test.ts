import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

describe('inspector core: search, buckets, marks, bodies, doctor, timeline, HAR', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  let base: string;
  const ids: Record<string, number> = {};

  const post = async (
    name: string,
    path: string,
    body: string | Buffer,
    headers: [string, string][] = [['Content-Type', 'application/json']],
    method = 'POST',
  ) => {
    await sendRaw(`${base}${path}`, { method, headers, body });
    ids[name] = (await core.handlers.listCaptures({ limit: 1 })).items[0]?.id as number;
  };
  const find = async (filter: string) =>
    (await core.handlers.listCaptures({ filter, limit: 100 })).items.map((c) => c.id).sort((a, b) => a - b);
  const named = (...names: string[]) => names.map((n) => ids[n] as number).sort((a, b) => a - b);

  beforeAll(async () => {
    dir = tempDir();
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    await core.start();
    base = ((await core.handlers.getReceiverStatus(undefined)).url as string).replace(/\/$/, '');
    await post(
      'batch1',
      '/sms/status',
      '[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"send"},{"id_sms":3235,"time":"2011-01-01 12:57:46","state":"deliver"}]',
    );
    await post(
      'batch2',
      '/sms/status',
      '[{"id_sms":3234,"time":"2011-01-01 12:58:00","state":"read"},{"id_sms":3235,"time":"2011-01-01 12:57:00","state":"send"}]',
    );
    await post(
      'batch2again',
      '/sms/status',
      '[{"id_sms":3234,"time":"2011-01-01 12:58:00","state":"read"},{"id_sms":3235,"time":"2011-01-01 12:57:00","state":"send"}]',
    );
    await post('batch3', '/sms/status', '[{"id_sms":3234,"time":"2011-01-01 12:59:00","state":"deliver"}]');
    await post(
      'reverse',
      '/smartico/reverse',
      JSON.stringify({
        login: '1',
        time: 1664115803000,
        view_url: 'https://v.example/1',
        channel: 'SMS',
        campaign_name: 'RND Flow',
      }),
    );
    await post(
      'reverseBad',
      '/smartico/reverse',
      JSON.stringify({
        login: '2',
        time: 1664115803,
        view_url: 'https://v.example/2',
        channel: 'Email',
        campaign_name: 'Other',
      }),
    );
    await post('broken', '/hook', '{"level_name": "My level with " inside", "n": 1}');
    await post('signed', '/hook?v=2', 'plain text needle', [
      ['Content-Type', 'text/plain'],
      ['X-Signature', 'sha256=abc'],
    ]);
    await post('echo', '/echo-send/some-secret-123/mini-games', '{"spins":"3"}');
    await post('echoBinary', '/echo-send/some-secret-123/', Buffer.from([0xff, 0xfe, 0x00]), [
      ['Content-Type', 'application/octet-stream'],
    ]);
    await post('gzip', '/gz', gzipSync('{"zipped":true}'), [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'gzip'],
    ]);
  });
  afterAll(async () => {
    await core.close();
    dir.cleanup();
  });

  it('filters in the core by method, path, status, header, body text, kind, validity and free text', async () => {
    expect(await find('kind:sms-status-batch')).toEqual(named('batch1', 'batch2', 'batch2again', 'batch3'));
    expect(await find('kind:smartico-reverse valid:no')).toEqual(named('reverseBad'));
    // Broken JSON is "invalid" too, so support finds it with the Invalid filter.
    expect(await find('valid:no')).toEqual(named('reverseBad', 'broken'));
    expect(await find('header:x-signature=sha256')).toEqual(named('signed'));
    expect(await find('body:needle')).toEqual(named('signed'));
    expect(await find('needle')).toEqual(named('signed'));
    expect(await find('path:/smartico method:POST')).toEqual(named('reverse', 'reverseBad'));
    expect(await find('status:2xx path:/hook')).toEqual(named('broken', 'signed'));
    expect(await find('method:GET')).toEqual([]);
    expect(await find(`after:${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    const page = await core.handlers.listCaptures({ filter: 'kind:sms-status-batch', limit: 2 });
    expect(page).toMatchObject({ matched: 4, hasMore: true });
    await expect(core.handlers.listCaptures({ filter: 'status:abc' })).rejects.toThrow(
      /Filter: status takes/,
    );
  });

  it('filters by JSON path conditions, wildcards included, and skips bodies that are not JSON', async () => {
    expect(await find('$.campaign_name="RND Flow"')).toEqual(named('reverse'));
    expect(await find('$[*].id_sms=3235')).toEqual(named('batch1', 'batch2', 'batch2again'));
    expect(await find('$[*].state=read')).toEqual(named('batch2', 'batch2again'));
    expect(await find('$.login $.channel!=SMS')).toEqual(named('reverseBad'));
    expect(await find('$.view_url~v.example/2')).toEqual(named('reverseBad'));
    expect(await find('$.spins="3"')).toEqual(named('echo'));
  });

  it('keeps echo buckets: echo-send records under the bucket, echo-list shows the last ones newest first', async () => {
    expect(await find('bucket:some-secret-123')).toEqual(named('echo', 'echoBinary'));
    const before = (await core.handlers.listCaptures({})).total;
    const list = await sendRaw(`${base}/echo-list/some-secret-123/`);
    expect(list.status).toBe(200);
    const entries = JSON.parse(list.body.toString()) as Record<string, unknown>[];
    expect(entries.map((e) => e.id)).toEqual([ids.echoBinary, ids.echo]);
    expect(entries[1]).toMatchObject({
      method: 'POST',
      path: '/echo-send/some-secret-123/mini-games',
      query: '',
      body: '{"spins":"3"}',
      bodyIsBase64: false,
    });
    expect(entries[0]).toMatchObject({
      bodyIsBase64: true,
      body: Buffer.from([0xff, 0xfe, 0x00]).toString('base64'),
    });
    expect((await core.handlers.listCaptures({})).total).toBe(before);
    expect(await core.handlers.listBuckets(undefined)).toEqual([
      { name: 'some-secret-123', count: 2, lastReceivedAt: expect.any(String) },
    ]);
    expect(JSON.parse((await sendRaw(`${base}/echo-list/nobody/`)).body.toString())).toEqual([]);
  });

  it('pins and notes captures, and filters the pinned ones', async () => {
    const pinned = await core.handlers.setCaptureMeta({
      id: ids.broken as number,
      pinned: true,
      note: 'ask the CRM team',
    });
    expect(pinned).toMatchObject({ pinned: true, note: 'ask the CRM team' });
    expect(await find('is:pinned')).toEqual(named('broken'));
    expect((await core.handlers.getCapture({ id: ids.broken as number }))?.note).toBe('ask the CRM team');
    await core.handlers.setCaptureMeta({ id: ids.broken as number, pinned: false, note: '' });
    expect(await find('is:pinned')).toEqual([]);
    await expect(core.handlers.setCaptureMeta({ id: 999_999, pinned: true })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('decodes gzip, deflate and br for display, says when it cannot, and stops a compression bomb', async () => {
    const gz = await core.handlers.getCaptureBody({ id: ids.gzip as number, side: 'request', decode: true });
    expect(gz).toMatchObject({ decoded: 'gzip', decodeError: null });
    expect(Buffer.from(gz.bodyBase64, 'base64').toString()).toBe('{"zipped":true}');
    const raw = await core.handlers.getCaptureBody({
      id: ids.gzip as number,
      side: 'request',
      decode: false,
    });
    expect(Buffer.from(raw.bodyBase64, 'base64')).toEqual(gzipSync('{"zipped":true}'));

    await post('deflate', '/d', deflateSync('deflated'), [['Content-Encoding', 'deflate']]);
    await post('br', '/b', brotliCompressSync('brotli!'), [['Content-Encoding', 'br']]);
    await post('fake', '/f', 'not gzip at all', [['Content-Encoding', 'gzip']]);
    await post('bomb', '/bomb', gzipSync(Buffer.alloc(80 * 1024 * 1024)), [['Content-Encoding', 'gzip']]);
    const text = async (name: string) => {
      const body = await core.handlers.getCaptureBody({
        id: ids[name] as number,
        side: 'request',
        decode: true,
      });
      return { ...body, text: Buffer.from(body.bodyBase64, 'base64').toString() };
    };
    expect((await text('deflate')).text).toBe('deflated');
    expect((await text('br')).text).toBe('brotli!');
    const fake = await text('fake');
    expect(fake.text).toBe('not gzip at all');
    expect(fake.decodeError).toMatch(/does not decode/);
    const bomb = await core.handlers.getCaptureBody({
      id: ids.bomb as number,
      side: 'request',
      decode: true,
      maxBytes: 10,
    });
    expect(bomb.decodeError).toMatch(/compression bomb/);
    const first = await core.handlers.getCaptureBody({
      id: ids.reverse as number,
      side: 'request',
      decode: true,
      maxBytes: 10,
    });
    expect(first).toMatchObject({ size: 10 });
    expect(first.totalSize).toBeGreaterThan(10);
  });

  it('diagnoses a broken body with the doctor', async () => {
    const diagnosis = await core.handlers.diagnoseCapture({ id: ids.broken as number });
    expect(diagnosis.valid).toBe(false);
    if (diagnosis.valid) return;
    expect(diagnosis.error).toMatchObject({ line: 1, column: 33 });
    expect(diagnosis.causes[0]?.id).toBe('unescaped-quote');
    expect((await core.handlers.diagnoseCapture({ id: ids.gzip as number })).valid).toBe(true);
  });

  it('builds the SMS timeline per id_sms with final states and anomalies', async () => {
    const timeline = await core.handlers.getSmsTimeline({});
    expect(timeline).toMatchObject({ batches: 4, resentBatches: 1 });
    const byId = Object.fromEntries(timeline.entries.map((e) => [e.idSms, e]));
    expect(byId['3234']?.events.map((e) => e.state)).toEqual(['send', 'read', 'read', 'deliver']);
    expect(byId['3234']?.events.map((e) => e.captureId)).toEqual(
      named('batch1', 'batch2', 'batch2again', 'batch3'),
    );
    expect(byId['3234']?.events[1]?.final).toBe(true);
    const anomalies3234 = byId['3234']?.anomalies.join('\n');
    expect(anomalies3234).toMatch(/"read" of 2011-01-01 12:58:00 was sent again .*re-sent batch/);
    expect(byId['3234']?.events.map((e) => e.resent)).toEqual([false, false, true, false]);
    expect(anomalies3234).toMatch(/Changed to "deliver" after the final state "read"/);
    expect(byId['3235']?.anomalies.join('\n')).toMatch(/Went backwards from "deliver" to "send"/);
    expect(byId['3235']?.final).toBe(false);
    const filtered = await core.handlers.getSmsTimeline({
      filter: `before:${new Date(Date.now() + 1000).toISOString()} $[*].id_sms=3234`,
    });
    expect(filtered.batches).toBe(4);

    // One capture's ids, across every batch; ids containing some text; refusals in words.
    const ofBatch3 = await core.handlers.getSmsTimeline({ forCapture: ids.batch3 as number });
    expect(ofBatch3.entries.map((e) => e.idSms)).toEqual(['3234']);
    expect(ofBatch3.entries[0]?.events).toHaveLength(4);
    expect((await core.handlers.getSmsTimeline({ find: '35' })).entries.map((e) => e.idSms)).toEqual([
      '3235',
    ]);
    await expect(core.handlers.getSmsTimeline({ forCapture: 999_999 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('exports HAR (redacting chosen headers) and NDJSON, and imports HAR back with the same bytes', async () => {
    await post('auth', '/auth', Buffer.from([0x00, 0x01, 0xfe]), [
      ['Authorization', 'Bearer secret'],
      ['X-Keep', 'yes'],
    ]);
    const har = await core.handlers.exportCaptures({
      ids: [ids.auth as number, ids.reverse as number],
      format: 'har',
    });
    expect(har.count).toBe(2);
    expect(har.text).not.toContain('Bearer secret');
    const doc = JSON.parse(har.text);
    expect(doc.log.version).toBe('1.2');
    const unredacted = await core.handlers.exportCaptures({
      ids: [ids.auth as number],
      format: 'har',
      redactHeaders: [],
    });
    expect(unredacted.text).toContain('Bearer secret');
    const before = (await core.handlers.listCaptures({})).total;
    expect(await core.handlers.importCaptures({ text: unredacted.text })).toEqual({ imported: 1 });
    const imported = await core.handlers.getCapture({
      id: (await core.handlers.listCaptures({ limit: 1 })).items[0]?.id as number,
    });
    const original = await core.handlers.getCapture({ id: ids.auth as number });
    expect(imported?.bodyBase64).toBe(original?.bodyBase64);
    expect(imported?.headers).toEqual(original?.headers);
    expect(imported?.path).toBe('/auth');
    expect((await core.handlers.listCaptures({})).total).toBe(before + 1);
    // A byte-order mark in front (some tools save HAR files so) is not an error.
    expect(await core.handlers.importCaptures({ text: `\uFEFF${unredacted.text}` })).toEqual({ imported: 1 });
    expect((await core.handlers.listCaptures({})).total).toBe(before + 2);

    const ndjson = await core.handlers.exportCaptures({ filter: 'kind:smartico-reverse', format: 'ndjson' });
    expect(
      ndjson.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(named('reverse', 'reverseBad'));
    await expect(core.handlers.importCaptures({ text: '{"log":{}}' })).rejects.toThrow(/no log.entries/);
  });
});
