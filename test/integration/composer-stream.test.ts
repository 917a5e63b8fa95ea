import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import type { ComposerRequestDraft } from '../../shared/composer';
import { recordingServer } from '../helpers/recording-server';
import { tempDir } from '../helpers/temp-dir';

describe('a composer request sent as a stream of events', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  beforeEach(async () => {
    dir = tempDir();
    core = await createHookbench({ dataDir: dir.path });
  });
  afterEach(async () => {
    await core.close();
    dir.cleanup();
  });

  it('a call whose own render cannot go out as a GET is not sent and counts as a failure, with why', async () => {
    const target = await recordingServer((_req, res) => res.end());
    try {
      // Half the renders are an object (query parameters), half an array (nothing a GET can carry).
      const request = {
        name: 'coin',
        collection: 'Stream',
        method: 'GET',
        bodyMode: 'raw',
        urlTemplate: `${target.url}/coin`,
        bodyTemplate: '{{#if (eq (randomInt 0 1) 1)}}[1]{{else}}{"side":"object"}{{/if}}',
      } as ComposerRequestDraft;
      // The stream is refused outright when its first render already cannot go out: try again.
      let report: Awaited<ReturnType<typeof core.handlers.streamComposerRequest>> | null = null;
      for (let attempt = 0; attempt < 30 && report === null; attempt++) {
        report = await core.handlers
          .streamComposerRequest({ request, data: null, count: 40, ratePerSecond: 1000 })
          .catch((error: Error) => {
            expect(error.message).toMatch(/^Not sent: /);
            return null;
          });
      }
      if (report === null) throw new Error('the first render was never an object in 30 tries');
      const failed = report.statuses.error ?? 0;
      expect(failed).toBeGreaterThan(0);
      expect(report.statuses['200']).toBe(40 - failed);
      expect(report.errors[0]).toMatch(/^Not sent: .*GET/);
      // Only the calls that could carry their fields reached the target, each with them.
      expect(target.received).toHaveLength(40 - failed);
      for (const received of target.received) expect(received.url).toBe('/coin?side=object');
    } finally {
      await target.close();
    }
  });

  it('renders every call anew (POST JSON or GET query) and reports statuses and latency', async () => {
    const target = await recordingServer((req, res) => {
      res.statusCode = req.url?.includes('fail') ? 500 : 200;
      res.end();
    });
    try {
      const post = {
        name: 'reverse',
        collection: 'Stream',
        method: 'POST',
        urlTemplate: `${target.url}/communications`,
        bodyTemplate:
          '{"login": "{{uuid}}", "time": {{now}}, "channel": "SMS", "campaign_name": "{{state.campaign}}"}',
      } as ComposerRequestDraft;
      const report = await core.handlers.streamComposerRequest({
        request: post,
        data: { stateText: '{"campaign": "RND \\"Flow\\""}', eventText: '{}' },
        count: 5,
        ratePerSecond: 200,
      });
      expect(report.statuses).toEqual({ '200': 5 });
      expect(report.latencyMs?.p99).toBeGreaterThan(0);
      const bodies = target.received.map(
        (r) => JSON.parse(r.body.toString()) as { login: string; campaign_name: string },
      );
      expect(new Set(bodies.map((b) => b.login)).size).toBe(5);
      expect(bodies[0]?.campaign_name).toBe('RND "Flow"');

      target.received.length = 0;
      const get = await core.handlers.streamComposerRequest({
        request: { ...post, method: 'GET', urlTemplate: `${target.url}/fail` },
        data: { stateText: '{"campaign": "x"}', eventText: '{}' },
        count: 2,
        ratePerSecond: 200,
      });
      expect(get.statuses).toEqual({ '500': 2 });
      expect(target.received[0]?.url).toMatch(
        /^\/fail\?login=[0-9a-f-]{36}&time=\d+&channel=SMS&campaign_name=x$/,
      );
      await expect(
        core.handlers.streamComposerRequest({
          request: { ...post, bodyTemplate: '{{#if}}' },
          data: null,
          count: 1,
          ratePerSecond: 1,
        }),
      ).rejects.toThrow(/Not sent/);
    } finally {
      await target.close();
    }
  });

  it('a slow stream stops at a cancel: no new calls, and the report says how many were sent', async () => {
    const target = await recordingServer();
    const received = async (n: number) => {
      while (target.received.length < n) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    try {
      const request = {
        name: 'slow',
        method: 'POST',
        urlTemplate: `${target.url}/slow`,
        bodyTemplate: '{"id": "{{uuid}}"}',
      } as ComposerRequestDraft;
      // 1,000 calls at 20 a second would take 50 s.
      const run = core.handlers.streamComposerRequest({
        request,
        data: null,
        count: 1000,
        ratePerSecond: 20,
      });
      await received(3);
      expect(await core.handlers.cancelComposerStream(undefined)).toEqual({ cancelled: true });
      const report = await run;
      expect(report.cancelled).toBe(true);
      expect(report.sent).toBeGreaterThanOrEqual(3);
      expect(report.sent).toBeLessThan(50);
      expect(report.statuses).toEqual({ '200': report.sent });
      // Nothing starts after the cancel.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(target.received).toHaveLength(report.sent);
      expect(await core.handlers.cancelComposerStream(undefined)).toEqual({ cancelled: false });

      // Closing the core (hookbench serve stopping, the window closing) ends a stream too.
      const again = core.handlers.streamComposerRequest({
        request,
        data: null,
        count: 1000,
        ratePerSecond: 20,
      });
      await received(report.sent + 2);
      await core.close();
      const closed = await again;
      expect(closed.cancelled).toBe(true);
      expect(closed.sent).toBeLessThan(50);
    } finally {
      await target.close();
    }
  });
});

describe('hookbench send --count --rate', () => {
  it('streams N renders of the template and exits 1 when any call fails', async () => {
    const { runCliAsync } = await import('../helpers/cli');
    const target = await recordingServer((req, res) => {
      res.statusCode = req.url === '/bad' ? 503 : 200;
      res.end();
    });
    const dir = tempDir();
    try {
      const { writeFileSync } = await import('node:fs');
      const file = `${dir.path}/body.json`;
      writeFileSync(file, '{"id": "{{uuid}}"}');
      const ok = await runCliAsync([
        'send',
        file,
        '--to',
        `${target.url}/ok`,
        '--count',
        '4',
        '--rate',
        '100',
      ]);
      expect(ok.stdout).toMatch(/^4 calls in \d+ ms — 200: 4$/m);
      expect(ok.stdout).toMatch(/latency ms: p50/);
      expect(ok.status).toBe(0);
      expect(new Set(target.received.map((r) => r.body.toString())).size).toBe(4);
      const bad = await runCliAsync(['send', file, '--to', `${target.url}/bad`, '--count', '2']);
      expect(bad.stdout).toContain('503: 2');
      expect(bad.status).toBe(1);
    } finally {
      await target.close();
      dir.cleanup();
    }
  });
});
