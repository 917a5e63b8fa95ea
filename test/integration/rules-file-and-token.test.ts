import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HookbenchCore } from '../../electron/core/index';
import { sendRaw } from '../helpers/http';
import { testRule } from '../helpers/rules';
import { type RunningCore, startCore } from '../reliability/support/core';

const SMS = '{"type":"SMS","message_id":"m-1","text":"Your code is 1234","phone":"+4915112345678"}';

describe('rules files and the SDK preset’s access token, over real HTTP', () => {
  let running: RunningCore;
  let core: HookbenchCore;
  let base: string;
  beforeEach(async () => {
    running = await startCore();
    ({ core, base } = running);
  });
  afterEach(() => running.close());

  const hitsOf = async (id: string) => (await core.handlers.getRules(undefined)).hits[id] ?? 0;

  it('takes the bearer token whatever the case of the scheme, as HTTP says it may be written', async () => {
    for (const rule of (await core.handlers.getRules(undefined)).rules)
      await core.handlers.deleteRule({ id: rule.id });
    await core.handlers.saveRule(
      testRule({ responder: { kind: 'sdk-response', statusCode: '000', bearerToken: 's3cret' } }),
    );
    for (const authorization of ['Bearer s3cret', 'bearer s3cret', 'BEARER  s3cret']) {
      const res = await sendRaw(`${base}/sdk/messages`, {
        method: 'POST',
        headers: [
          ['Content-Type', 'application/json'],
          ['Authorization', authorization],
        ],
        body: SMS,
      });
      expect(res.status, authorization).toBe(200);
      expect(JSON.parse(res.body.toString()).status_code, authorization).toBe('000');
    }
    for (const authorization of ['Bearer S3CRET', 'Basic s3cret', 's3cret', 'Bearer']) {
      const res = await sendRaw(`${base}/sdk/messages`, {
        method: 'POST',
        headers: [['Authorization', authorization]],
        body: SMS,
      });
      expect(res.status, authorization).toBe(401);
    }
  });

  it('refuses a rules file that has one rule id twice, and changes nothing', async () => {
    const before = (await core.handlers.getRules(undefined)).rules;
    const rule = testRule({ id: 'same-id' });
    const text = JSON.stringify({
      format: 'hookbench-rules',
      version: 1,
      rules: [rule, { ...rule, name: 'Merged twice' }],
    });
    const refusal = /Rules 1 and 2 of the file have the same id "same-id"/;
    await expect(core.handlers.checkRulesFile({ text })).rejects.toThrow(refusal);
    // A good file says how many rules it has and where its enabled rules would forward.
    const forward = {
      url: 'http://127.0.0.1:9/elsewhere',
      rebase: false,
      passthrough: false,
      timeoutMs: 1000,
    };
    const forwarding = JSON.stringify({
      format: 'hookbench-rules',
      version: 1,
      rules: [
        { ...rule, forward },
        { ...rule, id: 'second', forward },
        { ...rule, id: 'off', enabled: false, forward: { ...forward, url: 'http://127.0.0.1:9/off' } },
      ],
    });
    expect(await core.handlers.checkRulesFile({ text: forwarding })).toEqual({
      rules: 3,
      forwardTargets: [
        { url: 'http://127.0.0.1:9/elsewhere', enabled: true },
        { url: 'http://127.0.0.1:9/off', enabled: false },
      ],
    });
    await expect(core.handlers.importRules({ text, replace: true })).rejects.toThrow(refusal);
    await expect(core.handlers.importRules({ text, replace: false })).rejects.toThrow(refusal);
    expect((await core.handlers.getRules(undefined)).rules).toEqual(before);
  });

  it('adding rules from a file keeps the hit counts of the rules already there', async () => {
    const [smsAck] = (await core.handlers.getRules(undefined)).rules;
    const id = smsAck?.id as string;
    await sendRaw(`${base}/sms/status`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: '[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"deliver"}]',
    });
    expect(await hitsOf(id)).toBe(1);
    const { text } = await core.handlers.exportRules(undefined);
    const state = await core.handlers.importRules({ text, replace: false });
    expect(state.rules).toHaveLength(6);
    expect(state.hits[id]).toBe(1);
    // Replacing the rules does start the counts over: they belong to rules that are gone.
    expect((await core.handlers.importRules({ text, replace: true })).hits).toEqual({});
  });
});
