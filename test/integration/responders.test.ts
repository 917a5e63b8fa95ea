import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import type { Rule } from '../../shared/rules';
import { sendRaw } from '../helpers/http';
import { responses, testRule, variant } from '../helpers/rules';
import { tempDir } from '../helpers/temp-dir';

describe('responder rules over real HTTP', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  let base: string;

  const start = async () => {
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    await core.start();
    base = ((await core.handlers.getReceiverStatus(undefined)).url as string).replace(/\/$/, '');
  };
  beforeEach(async () => {
    dir = tempDir();
    await start();
  });
  afterEach(async () => {
    await core.close();
    dir.cleanup();
  });

  /** Replaces the starter rules with exactly these. */
  const useRules = async (...rules: Rule[]) => {
    for (const rule of (await core.handlers.getRules(undefined)).rules)
      await core.handlers.deleteRule({ id: rule.id });
    for (const rule of rules) await core.handlers.saveRule(rule);
  };
  const post = (
    path: string,
    body: string | Uint8Array,
    headers: [string, string][] = [['Content-Type', 'application/json']],
  ) => sendRaw(`${base}${path}`, { method: 'POST', headers, body });
  const latest = async () => {
    const id = (await core.handlers.listCaptures({ limit: 1 })).items[0]?.id as number;
    return core.handlers.getCapture({ id });
  };

  it('starts a new data folder with the starter rules, which answer at once', async () => {
    const { rules } = await core.handlers.getRules(undefined);
    expect(rules.map((r) => r.responder.kind)).toEqual(['sms-ack', 'sdk-response', 'smartico-reverse']);
    const res = await post('/sms/status', '[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"deliver"}]');
    expect(res.body.toString()).toBe('[{"id_sms":3234}]');
    expect((await latest())?.origin.ruleName).toBe(rules[0]?.name);
  });

  describe('SMS status acknowledgement preset', () => {
    const batch = JSON.stringify([
      { id_sms: 3234, time: '2011-01-01 12:57:46', state: 'deliver' },
      { id_sms: 3235, time: '', state: 'send' },
      { id_sms: 3236, time: '2011-01-01 12:58:00', state: 'read' },
      { id_sms: 3237, time: '2011-01-01 12:58:01', state: 'expired' },
    ]);
    const ack = async (mode: string, extra: Record<string, unknown> = {}) => {
      await useRules(
        testRule({
          match: { path: { kind: 'exact', value: '/sms/status' } },
          responder: {
            kind: 'sms-ack',
            mode,
            ids: [],
            percentage: 50,
            seed: 7,
            ...extra,
          } as Rule['responder'],
        }),
      );
      const res = await post('/sms/status', batch);
      expect(res.status).toBe(200);
      return JSON.parse(res.body.toString()) as unknown;
    };

    it('acknowledges all, none, listed, all but listed, and final states only', async () => {
      expect(await ack('all')).toEqual([
        { id_sms: 3234 },
        { id_sms: 3235 },
        { id_sms: 3236 },
        { id_sms: 3237 },
      ]);
      expect(await ack('none')).toEqual([]);
      expect(await ack('only-listed', { ids: ['3235', '3237'] })).toEqual([
        { id_sms: 3235 },
        { id_sms: 3237 },
      ]);
      expect(await ack('all-except-listed', { ids: ['3235'] })).toEqual([
        { id_sms: 3234 },
        { id_sms: 3236 },
        { id_sms: 3237 },
      ]);
      expect(await ack('final-states')).toEqual([{ id_sms: 3236 }, { id_sms: 3237 }]);
    });

    it('answers in a wrong shape on purpose', async () => {
      expect(await ack('wrong-shape-strings')).toEqual([
        { id_sms: '3234' },
        { id_sms: '3235' },
        { id_sms: '3236' },
        { id_sms: '3237' },
      ]);
      expect(await ack('wrong-shape-object')).toEqual({ id_sms: [3234, 3235, 3236, 3237] });
    });

    it('picks a seeded percentage that repeats run after run and per id', async () => {
      const ids = Array.from({ length: 200 }, (_, i) => 5000 + i);
      const big = JSON.stringify(
        ids.map((id) => ({ id_sms: id, time: '2011-01-01 12:57:46', state: 'deliver' })),
      );
      await useRules(
        testRule({ responder: { kind: 'sms-ack', mode: 'percentage', ids: [], percentage: 30, seed: 42 } }),
      );
      const first = JSON.parse((await post('/sms/status', big)).body.toString()) as { id_sms: number }[];
      const second = JSON.parse((await post('/sms/status', big)).body.toString()) as { id_sms: number }[];
      expect(second).toEqual(first);
      expect(first.length).toBeGreaterThan(40);
      expect(first.length).toBeLessThan(80);
      // A retry of only the missing ids gets the same decision for each of them.
      const missing = ids.filter((id) => !first.some((a) => a.id_sms === id));
      const retry = JSON.stringify(
        missing.map((id) => ({ id_sms: id, time: '2011-01-01 12:57:46', state: 'deliver' })),
      );
      expect(JSON.parse((await post('/sms/status', retry)).body.toString())).toEqual([]);
      await useRules(
        testRule({ responder: { kind: 'sms-ack', mode: 'percentage', ids: [], percentage: 30, seed: 43 } }),
      );
      expect(JSON.parse((await post('/sms/status', big)).body.toString())).not.toEqual(first);
    });

    it('echoes each id_sms with the exact representation it arrived in', async () => {
      await useRules(
        testRule({ responder: { kind: 'sms-ack', mode: 'all', ids: [], percentage: 0, seed: 1 } }),
      );
      const res = await post(
        '/sms/status',
        '[{"id_sms":12345678901234567890,"time":"","state":"send"},{"id_sms":"77","time":"","state":"send"},{"id_sms":1.50,"time":"","state":"send"}]',
      );
      expect(res.body.toString()).toBe('[{"id_sms":12345678901234567890},{"id_sms":"77"},{"id_sms":1.50}]');
    });
  });

  describe('SDK messaging preset', () => {
    const sms = JSON.stringify({ type: 'SMS', message_id: 'm-1', phone: '+37060000000', text: 'Hello' });

    it('answers in the documented model, and 901 when fields are missing or wrong', async () => {
      await useRules(testRule({ responder: { kind: 'sdk-response', statusCode: '000', bearerToken: null } }));
      const ok = JSON.parse((await post('/sdk/messages', sms)).body.toString());
      expect(ok).toMatchObject({
        status_code: '000',
        status_desc: 'The request was completed successfully',
        error_message: '',
      });
      expect(ok.delivery_id).toMatch(/^[0-9a-f-]{36}$/);

      // A gzip body is read as the messaging SDK meant it, not as bytes that are not JSON.
      const zipped = await post('/sdk/messages', gzipSync(sms), [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
      ]);
      expect(JSON.parse(zipped.body.toString())).toMatchObject({ status_code: '000' });

      const bad = await post(
        '/sdk/messages',
        JSON.stringify({ type: 'PUSH', message_id: 'm-2', text: 'no token' }),
      );
      const body = JSON.parse(bad.body.toString());
      expect(body).toMatchObject({ status_code: '901', delivery_id: null });
      expect(body.error_message).toContain('device_token');
      expect((await latest())?.findings.some((f) => f.message.includes('device_token'))).toBe(true);
    });

    it('answers the configured failure codes and checks the bearer token', async () => {
      await useRules(
        testRule({ responder: { kind: 'sdk-response', statusCode: '900', bearerToken: 's3cret' } }),
      );
      const noToken = await post('/sdk/messages', sms);
      expect(noToken.status).toBe(401);
      expect(JSON.parse(noToken.body.toString())).toMatchObject({
        status_code: '999',
        error_message: 'Access token is missing.',
      });
      const wrong = await post('/sdk/messages', sms, [['Authorization', 'Bearer nope']]);
      expect(JSON.parse(wrong.body.toString()).error_message).toBe('Access token is wrong.');
      const right = await post('/sdk/messages', sms, [
        ['Authorization', 'Bearer s3cret'],
        ['Content-Type', 'application/json'],
      ]);
      expect(JSON.parse(right.body.toString())).toMatchObject({ status_code: '900', delivery_id: null });
    });
  });

  it('reverse integration preset: 200 to POST and GET, with what was wrong recorded on the capture', async () => {
    await useRules(testRule({ responder: { kind: 'smartico-reverse' } }));
    const good = {
      login: '123123',
      time: 1664115803000,
      view_url: 'https://x.example/a',
      channel: 'SMS',
      campaign_name: 'RND Flow',
    };
    expect((await post('/smartico/reverse', JSON.stringify(good))).status).toBe(200);
    expect(await latest()).toMatchObject({ kind: 'smartico-reverse', valid: true, findings: [] });

    const seconds = await sendRaw(
      `${base}/smartico/reverse?login=123123&time=1664115803&view_url=nope&channel=SMS&campaign_name=X`,
    );
    expect(seconds.status).toBe(200);
    const capture = await latest();
    expect(capture).toMatchObject({ kind: 'smartico-reverse', valid: false });
    const messages = capture?.findings.map((f) => f.message).join('\n');
    expect(messages).toMatch(/looks like epoch seconds/);
    expect(messages).toMatch(/view_url/);

    await post('/smartico/reverse', '{"unrelated":true}');
    expect((await latest())?.findings[0]?.message).toMatch(/does not look like a reverse-integration call/);
  });

  it('sequential responses: fail twice, then succeed, and start over when the rule is edited', async () => {
    const rule = testRule({
      responder: responses(
        'sequential',
        variant({ status: 500 }),
        variant({ status: 503 }),
        variant({ status: 200 }),
      ),
    });
    await useRules(rule);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('/x', '{}')).status);
    expect(statuses).toEqual([500, 503, 200, 200]);
    expect((await core.handlers.getRules(undefined)).hits[rule.id]).toBe(4);
    await core.handlers.saveRule({ ...rule, name: 'renamed' });
    expect((await post('/x', '{}')).status).toBe(500);
  });

  it('weighted and random modes only give the listed responses', async () => {
    await useRules(
      testRule({
        responder: responses(
          'weighted',
          variant({ status: 201, weight: 0 }),
          variant({ status: 202, weight: 1 }),
        ),
      }),
    );
    for (let i = 0; i < 10; i++) expect((await post('/w', '{}')).status).toBe(202);
    await useRules(
      testRule({ responder: responses('random', variant({ status: 201 }), variant({ status: 202 })) }),
    );
    const seen = new Set<number>();
    for (let i = 0; i < 40; i++) seen.add((await post('/r', '{}')).status);
    expect([...seen].sort()).toEqual([201, 202]);
  });

  it('templates see the request: method, path params, query, headers, JSON body with exact numbers, raw body', async () => {
    const body = [
      '{"method":"{{request.method}}","account":"{{request.params.account}}","q":"{{request.query.x}}",',
      '"agent":"{{request.headers.x-agent}}","first":{{request.body.items.[0].id}},"name":"{{request.body.name}}",',
      '"raw":"{{request.rawBody}}"}',
    ].join('');
    await useRules(
      testRule({
        match: { path: { kind: 'pattern', value: '/sms/:account/status' } },
        responder: responses(
          'sequential',
          variant({ body, headers: [['X-Echo', '{{request.params.account}}']] }),
        ),
      }),
    );
    const sent = '{"items":[{"id":12345678901234567890}],"name":"Ann \\"the\\" tester"}';
    const res = await sendRaw(`${base}/sms/acme/status?x=1`, {
      method: 'PUT',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Agent', 'gateway/2'],
      ],
      body: sent,
    });
    expect(res.headers['x-echo']).toBe('acme');
    const text = res.body.toString();
    expect(text).toContain('"first":12345678901234567890');
    expect(JSON.parse(text)).toMatchObject({
      method: 'PUT',
      account: 'acme',
      q: '1',
      agent: 'gateway/2',
      name: 'Ann "the" tester',
      raw: sent,
    });
    expect(text).not.toContain('&quot;');
  });

  it('first match wins in list order; disabled rules are skipped; the fallback answers the rest', async () => {
    const a = testRule({
      match: { path: { kind: 'prefix', value: '/a' } },
      responder: responses('sequential', variant({ status: 201 })),
    });
    const b = testRule({
      match: { path: { kind: 'prefix', value: '/' } },
      responder: responses('sequential', variant({ status: 202 })),
    });
    const c = testRule({
      enabled: false,
      match: { methods: ['DELETE'] },
      responder: responses('sequential', variant({ status: 203 })),
    });
    await useRules(c, a, b);
    expect((await post('/a/1', '{}')).status).toBe(201);
    await core.handlers.reorderRules({ ids: [c.id, b.id, a.id] });
    expect((await post('/a/1', '{}')).status).toBe(202);
    expect((await sendRaw(`${base}/a/1`, { method: 'DELETE' })).status).toBe(202);
    await core.handlers.deleteRule({ id: b.id });
    expect((await post('/zzz', '{}')).status).toBe(200);
    expect((await latest())?.origin).toMatchObject({ ruleId: null, ruleName: null });
  });

  it('matches on query, headers, a JSON path, body text and payload kind', async () => {
    const kinds = testRule({
      name: 'by kind',
      match: { payloadKind: 'sms-status-batch' },
      responder: responses('sequential', variant({ status: 210 })),
    });
    const byPath = testRule({
      name: 'json path',
      match: { bodyJson: [{ path: '$.campaign_name', test: 'equals', value: 'RND Flow' }] },
      responder: responses('sequential', variant({ status: 211 })),
    });
    const byHeader = testRule({
      match: {
        headers: [{ name: 'x-signature', test: 'regex', value: '^sha256=' }],
        query: [{ name: 'v', test: 'equals', value: '2' }],
      },
      responder: responses('sequential', variant({ status: 212 })),
    });
    const byText = testRule({
      match: { bodyText: { test: 'contains', value: 'needle' } },
      responder: responses('sequential', variant({ status: 213 })),
    });
    await useRules(kinds, byPath, byHeader, byText);
    expect((await post('/h', '[{"id_sms":1,"time":"","state":"send"}]')).status).toBe(210);
    expect((await post('/h', '{"campaign_name":"RND Flow"}')).status).toBe(211);
    expect((await post('/h', '{"campaign_name":"Other"}')).status).toBe(200);
    expect(
      (await sendRaw(`${base}/h?v=2`, { method: 'POST', headers: [['X-Signature', 'sha256=ab']], body: 'x' }))
        .status,
    ).toBe(212);
    expect(
      (await sendRaw(`${base}/h?v=3`, { method: 'POST', headers: [['X-Signature', 'sha256=ab']], body: 'x' }))
        .status,
    ).toBe(200);
    expect((await post('/h', 'hay needle hay', [['Content-Type', 'text/plain']])).status).toBe(213);
  });

  it('a broken template answers 500 with a clear message, records the error, and the receiver keeps serving', async () => {
    const broken = testRule({
      name: 'broken',
      match: { path: { kind: 'exact', value: '/broken' } },
      responder: responses('sequential', variant({ body: '{"a": {{#if request.body}}' })),
    });
    await useRules(broken);
    const res = await post('/broken', '{}');
    expect(res.status).toBe(500);
    const answer = JSON.parse(res.body.toString());
    expect(answer.error).toBe('template_error');
    expect(answer.message).toMatch(/Rule "broken", body template: line 1, column \d+/);
    expect((await latest())?.origin.error).toBe(answer.message);
    expect((await post('/other', '{}')).status).toBe(200);
  });

  describe('faults', () => {
    const faultRule = (fault: NonNullable<Parameters<typeof variant>[0]>['fault']) =>
      useRules(
        testRule({
          responder: responses('sequential', variant({ fault, body: '{"status":"delivered","id":1}' })),
        }),
      );

    it('close: the connection ends without an answer', async () => {
      await faultRule({ kind: 'close' });
      const reply = await rawExchange(base, 'POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
      expect(reply).toEqual({ data: '', error: null });
      expect((await latest())?.fault).toBe('close');
    });

    it('reset: the client sees ECONNRESET', async () => {
      await faultRule({ kind: 'reset' });
      await expect(post('/f', '{}')).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect((await latest())?.fault).toBe('reset');
    });

    it('hang: no answer until the client gives up', async () => {
      await faultRule({ kind: 'hang' });
      const reply = await rawExchange(
        base,
        'POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}',
        400,
      );
      expect(reply).toEqual({ data: '', error: 'timeout' });
    });

    it('trickle: the answer arrives in small chunks, complete', async () => {
      await useRules(
        testRule({
          responder: responses(
            'sequential',
            variant({
              fault: { kind: 'trickle', chunkBytes: 5, intervalMs: 20 },
              body: '{"status":"delivered","id":1}',
            }),
          ),
        }),
      );
      const started = Date.now();
      const res = await post('/f', '{}');
      expect(JSON.parse(res.body.toString())).toEqual({ status: 'delivered', id: 1 });
      // 29 bytes in 5-byte chunks: at least 5 pauses of 20 ms.
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    });

    it('invalid-json: a JSON content type with a body that does not parse, recorded as sent', async () => {
      await faultRule({ kind: 'invalid-json' });
      const res = await post('/f', '{}');
      expect(res.headers['content-type']).toBe('application/json');
      expect(() => JSON.parse(res.body.toString())).toThrow();
      const capture = await latest();
      expect(Buffer.from(capture?.response.bodyBase64 ?? '', 'base64').toString()).toBe(res.body.toString());
    });
  });

  it('delays the answer by the rule delay', async () => {
    await useRules(testRule({ delay: { minMs: 150, maxMs: 150 } }));
    const started = Date.now();
    await post('/slow', '{}');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('still answers a sender that closed its side of the connection while the rule delayed', async () => {
    await useRules(testRule({ delay: { minMs: 150, maxMs: 150 } }));
    const request = `POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`;
    // `printf … | nc`: the request, then FIN at once, then wait for the answer.
    const { data, error } = await rawExchange(base, request, 3000, { halfClose: true });
    expect(error).toBeNull();
    expect(data).toMatch(/^HTTP\/1\.1 200 /);
    expect((await latest())?.path).toBe('/slow');
  });

  it('answers CORS preflights for rules with the CORS switch', async () => {
    await useRules(
      testRule({ cors: true, match: { methods: ['POST'], path: { kind: 'prefix', value: '/api' } } }),
    );
    const res = await sendRaw(`${base}/api/x`, {
      method: 'OPTIONS',
      headers: [
        ['Origin', 'http://app.example'],
        ['Access-Control-Request-Method', 'POST'],
      ],
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect((await post('/api/x', '{}')).headers['access-control-allow-origin']).toBe('*');
  });

  it('keeps rules across restarts and round-trips them through export and import', async () => {
    const rule = testRule({ name: 'kept', match: { path: { kind: 'exact', value: '/kept' } } });
    await useRules(rule);
    const exported = await core.handlers.exportRules(undefined);
    await core.close();
    await start();
    expect((await core.handlers.getRules(undefined)).rules).toEqual([rule]);

    await core.handlers.deleteRule({ id: rule.id });
    const appended = await core.handlers.importRules({ text: exported.text, replace: false });
    expect(appended.rules.map((r) => r.name)).toEqual(['kept']);
    expect(appended.rules[0]?.id).not.toBe(rule.id);
    const replaced = await core.handlers.importRules({ text: exported.text, replace: true });
    expect(replaced.rules).toEqual([rule]);
    await expect(core.handlers.importRules({ text: '{"rules":[]}', replace: true })).rejects.toThrow(
      /not a Hookbench rules file/,
    );
  });

  it('refuses invalid rules with a message naming the field', async () => {
    await expect(
      core.handlers.saveRule({ ...testRule(), responder: { kind: 'nope' } } as unknown as Rule),
    ).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(
      core.handlers.saveRule(testRule({ match: { bodyText: { test: 'regex', value: '(' } } })),
    ).rejects.toThrow(/not a valid regular expression/);
    await expect(
      core.handlers.saveRule(testRule({ match: { bodyJson: [{ path: 'campaign', test: 'present' }] } })),
    ).rejects.toThrow(/starts with "\$"/);
  });

  it('previews what a rule would answer to a captured request without counting a hit', async () => {
    await post('/sms/status', '[{"id_sms":9,"time":"","state":"send"}]');
    const capture = await latest();
    const rule = testRule({
      match: { path: { kind: 'exact', value: '/sms/status' } },
      responder: responses(
        'sequential',
        variant({ status: 202, body: '{"got":{{request.body.[0].id_sms}} }' }),
      ),
    });
    const preview = await core.handlers.previewRule({ rule, captureId: capture?.id as number });
    expect(preview).toMatchObject({ matched: true, status: 202, bodyText: '{"got":9 }' });
    const miss = await core.handlers.previewRule({
      rule: { ...rule, match: { ...rule.match, methods: ['GET'] } },
      captureId: capture?.id as number,
    });
    expect(miss).toMatchObject({ matched: false, reason: 'method POST is not GET' });
    expect((await core.handlers.getRules(undefined)).hits[rule.id]).toBeUndefined();
  });
});

/** Sends raw bytes and collects the reply until the server closes, or gives up after `timeoutMs`. */
function rawExchange(
  base: string,
  request: string,
  timeoutMs = 3000,
  options: { halfClose?: boolean } = {},
): Promise<{ data: string; error: string | null }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    let data = '';
    const socket = connect(Number(port), hostname, () =>
      options.halfClose ? socket.end(request) : socket.write(request),
    );
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ data, error: 'timeout' });
    }, timeoutMs);
    socket.on('data', (chunk) => {
      data += chunk.toString();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data, error: null });
    });
    socket.on('error', () => {});
  });
}
