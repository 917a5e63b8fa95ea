import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import type { CaptureDetail } from '../../shared/domain';
import type { ForwardTarget } from '../../shared/rules';
import { sendRaw } from '../helpers/http';
import { recordingServer } from '../helpers/recording-server';
import { responses, testRule, variant } from '../helpers/rules';
import { tempDir } from '../helpers/temp-dir';

describe('forwarding matching requests to another server', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  let base: string;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    dir = tempDir();
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    await core.start();
    base = ((await core.handlers.getReceiverStatus(undefined)).url as string).replace(/\/$/, '');
    for (const rule of (await core.handlers.getRules(undefined)).rules)
      await core.handlers.deleteRule({ id: rule.id });
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await core.close();
    dir.cleanup();
  });

  const forwardRule = (forward: ForwardTarget) =>
    core.handlers.saveRule(
      testRule({
        name: 'forwarding',
        match: { path: { kind: 'prefix', value: '/hooks' } },
        responder: responses('sequential', variant({ status: 200, body: '{"from":"hookbench"}' })),
        forward,
      }),
    );
  const latest = async (): Promise<CaptureDetail | null> =>
    core.handlers.getCapture({ id: (await core.handlers.listCaptures({ limit: 1 })).items[0]?.id as number });

  it("also sends the exact request to the target; the caller gets the rule's answer; the outcome lands on the capture", async () => {
    const target = await recordingServer((_req, res) => {
      res.statusCode = 201;
      res.end('{"from":"target"}');
    });
    closers.push(target.close);
    await forwardRule({ url: `${target.url}/app`, rebase: true, passthrough: false, timeoutMs: 5000 });
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d, 0xff]);
    const res = await sendRaw(`${base}/hooks/sms?x=1`, { method: 'POST', headers: [['X-Sig', 'abc']], body });
    expect(res.body.toString()).toBe('{"from":"hookbench"}');
    await expect.poll(() => target.received.length).toBe(1);
    expect(target.received[0]).toMatchObject({ method: 'POST', url: '/app/hooks/sms?x=1' });
    expect(target.received[0]?.body).toEqual(body);
    expect(target.received[0]?.rawHeaders).toEqual(expect.arrayContaining(['X-Sig', 'abc']));
    await expect
      .poll(async () => (await latest())?.findings.map((f) => f.message).join('\n'))
      .toMatch(
        /Forwarded to .*\/app\/hooks\/sms\?x=1: 201 in \d+ ms \(the caller got the rule's own answer\)/,
      );
  });

  it("passthrough hands the target's answer to the caller and records it as the response sent", async () => {
    const target = await recordingServer((_req, res) => {
      res.setHeader('X-From', 'target');
      res.statusCode = 202;
      res.end('{"from":"target"}');
    });
    closers.push(target.close);
    await forwardRule({ url: target.url, rebase: true, passthrough: true, timeoutMs: 5000 });
    const res = await sendRaw(`${base}/hooks/a`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(202);
    expect(res.headers['x-from']).toBe('target');
    expect(res.body.toString()).toBe('{"from":"target"}');
    const capture = await latest();
    expect(capture?.status).toBe(202);
    expect(Buffer.from(capture?.response.bodyBase64 ?? '', 'base64').toString()).toBe('{"from":"target"}');
    expect(capture?.findings.at(-1)?.message).toMatch(/its answer was passed to the caller/);
  });

  it('a failed forward is shown on the capture in words; with passthrough the caller gets 502', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    await forwardRule({ url: `http://127.0.0.1:${port}`, rebase: true, passthrough: false, timeoutMs: 2000 });
    expect((await sendRaw(`${base}/hooks/b`, { method: 'POST', body: '{}' })).status).toBe(200);
    await expect
      .poll(async () => (await latest())?.findings.find((f) => f.severity === 'error')?.message)
      .toMatch(new RegExp(`Forwarding to http://127.0.0.1:${port}/hooks/b failed: .*refused`));

    for (const rule of (await core.handlers.getRules(undefined)).rules)
      await core.handlers.deleteRule({ id: rule.id });
    await forwardRule({ url: `http://127.0.0.1:${port}`, rebase: true, passthrough: true, timeoutMs: 2000 });
    const res = await sendRaw(`${base}/hooks/c`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: 'forward_failed' });
    expect((await latest())?.findings.at(-1)?.message).toMatch(/The caller got 502/);
  });

  it('a rule forwarding to its own receiver forwards once, not in an endless loop', async () => {
    await forwardRule({ url: base, rebase: true, passthrough: false, timeoutMs: 2000 });
    expect((await sendRaw(`${base}/hooks/loop`, { method: 'POST', body: '{}' })).status).toBe(200);
    // The original and its one copy; the copy is answered but not sent on again.
    await expect
      .poll(async () => (await latest())?.findings.map((f) => f.message).join('\n'))
      .toMatch(/Not forwarded to .*: this request is a copy Hookbench itself forwarded/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await core.handlers.listCaptures({ limit: 1 })).total).toBe(2);

    for (const rule of (await core.handlers.getRules(undefined)).rules)
      await core.handlers.deleteRule({ id: rule.id });
    await forwardRule({ url: base, rebase: true, passthrough: true, timeoutMs: 2000 });
    const res = await sendRaw(`${base}/hooks/loop`, { method: 'POST', body: '{}' });
    // The copy got the rule's own answer, which passthrough hands back.
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('{"from":"hookbench"}');
    expect((await core.handlers.listCaptures({ limit: 1 })).total).toBe(4);
  });
});
