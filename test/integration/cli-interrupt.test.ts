/**
 * Ctrl-C during `hookbench simulate` and `hookbench replay` (the built CLI, real HTTP): new sends
 * stop, those in flight end, and the command prints what was done before exiting 130 — the
 * report was thrown away with the process before.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRequests, spawnCli } from '../helpers/cli';
import { recordingServer } from '../helpers/recording-server';
import { tempDir } from '../helpers/temp-dir';

/** Runs the CLI, sends SIGINT once `ready()` holds, and resolves with what it printed and its code. */
async function interrupted(args: string[], ready: () => boolean) {
  const { child, output, exited } = spawnCli(args);
  const deadline = Date.now() + 10_000;
  while (!ready() && child.exitCode === null && Date.now() < deadline) await sleep(10);
  expect(child.exitCode).toBeNull();
  child.kill('SIGINT');
  const code = await Promise.race([exited, sleep(10_000).then(() => 'still running' as const)]);
  if (code === 'still running') {
    child.kill('SIGKILL');
    throw new Error(`still running 10 s after SIGINT\nstdout: ${output.stdout}\nstderr: ${output.stderr}`);
  }
  return { code, ...output };
}

describe('Ctrl-C during a run prints what was done (exit 130)', () => {
  let dir: ReturnType<typeof tempDir>;
  let target: Awaited<ReturnType<typeof recordingServer>>;
  beforeEach(async () => {
    dir = tempDir();
    target = await recordingServer();
  });
  afterEach(async () => {
    await target.close();
    dir.cleanup();
  });

  it('simulate reverse: the calls made so far, counted as the target counted them', async () => {
    const run = await interrupted(
      ['simulate', 'reverse', '--to', `${target.url}/r`, '--count', '1000', '--rate', '20'],
      () => target.received.length >= 3,
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('hookbench: SIGINT: no new sends');
    const sent = target.received.length;
    expect(sent).toBeLessThan(1000);
    expect(run.stdout).toContain(`${sent} calls in `);
    expect(run.stdout).toContain(`200: ${sent}`);
    expect(run.stdout).toMatch(/Stopped by SIGINT: the report above is what was sent before\.\n$/);
  });

  it('simulate sms-status waiting between attempts: the attempt made is printed', async () => {
    const run = await interrupted(
      ['simulate', 'sms-status', '--to', target.url, '--ids', '7', '--interval-ms', '600000'],
      () => target.received.length >= 1,
    );
    expect(run.code).toBe(130);
    expect(run.stdout).toContain('attempt 1: sent 7 → 200; acknowledged none');
    expect(run.stdout).toContain('id_sms 7: never acknowledged after 1 attempt');
  });

  it('replay: one line per replay sent, the summary, and how many were not replayed', async () => {
    const data = join(dir.path, 'data');
    importRequests(
      data,
      join(dir.path, 'seed.har'),
      Array.from({ length: 200 }, (_, i) => ({ path: `/r/${i}`, body: `{"n":${i}}` })),
    );
    const run = await interrupted(
      ['replay', '--data', data, '--all', '--to', target.url, '--rate', '20'],
      () => target.received.length >= 3,
    );
    expect(run.code).toBe(130);
    const sent = target.received.length;
    expect(run.stdout.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(sent);
    expect(run.stdout).toContain(`${sent} replayed: ${sent} 2xx, 0 non-2xx, 0 network errors.`);
    expect(run.stdout).toContain(`Stopped by SIGINT: ${200 - sent} of 200 not replayed.`);
  });
});
