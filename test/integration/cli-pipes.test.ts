import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, importRequests, runCliAsync } from '../helpers/cli';
import { recordingServer } from '../helpers/recording-server';
import { tempDir } from '../helpers/temp-dir';

/**
 * `hookbench … | head -c N`: the reader leaves while the command still writes. The command
 * stops writing quietly and ends with its own exit code, as `git log | head` does.
 */
describe('standard output closed early or unwritable (built CLI, real pipes and HTTP)', () => {
  const CAPTURES = 300;
  let dir: ReturnType<typeof tempDir>;
  let data: string;
  let target: Awaited<ReturnType<typeof recordingServer>>;
  beforeAll(async () => {
    dir = tempDir();
    data = join(dir.path, 'data');
    importRequests(
      data,
      join(dir.path, 'seed.har'),
      Array.from({ length: CAPTURES }, (_, i) => ({ path: `/c/${i}`, body: `"${'x'.repeat(1000)}"` })),
    );
    // A large answer for send to cut short; replays get a small one.
    target = await recordingServer((req, res) => res.end(req.url === '/' ? 'z'.repeat(4_000_000) : '{}'));
  });
  afterAll(async () => {
    await target.close();
    dir.cleanup();
  });

  const quiet = (result: { status: number | null; stderr: string }) => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  };

  it('export | head', async () => {
    const ndjson = await runCliAsync(['export', '--data', data], { keepBytes: 10 });
    expect(ndjson.stdout).toBe('{"id":1,"r');
    quiet(ndjson);
    quiet(await runCliAsync(['export', '--data', data, '--format', 'har'], { keepBytes: 10 }));
  });

  it('render big.json | head -c 10', async () => {
    const state = join(dir.path, 'state.json');
    writeFileSync(state, JSON.stringify({ text: 'y'.repeat(3_000_000) }));
    const template = join(dir.path, 'body.json');
    writeFileSync(template, '{"text":"{{state.text}}"}');
    const result = await runCliAsync(['render', template, '--state', state], { keepBytes: 10 });
    expect(result.stdout).toBe('{"text":"y');
    quiet(result);
  });

  it('send … | head -c 10', async () => {
    const result = await runCliAsync(['send', '--to', target.url], { keepBytes: 10 });
    expect(result.stdout).toBe('HTTP/1.1 2');
    quiet(result);
  });

  it('replay … | head -1 still replays every capture it was asked to', async () => {
    target.received.length = 0;
    const result = await runCliAsync(['replay', '--data', data, '--all', '--to', target.url], {
      keepBytes: 10,
    });
    expect(result.stdout).toBe('#1 POST ht');
    quiet(result);
    expect(target.received).toHaveLength(CAPTURES);
  });

  it('a standard output that cannot be written (a full disk) is said in words, exit 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['export', '--data', data],
        ['diagnose', '-'],
      ]) {
        const result = spawnSync(process.execPath, [CLI, ...args], {
          input: '{}',
          stdio: ['pipe', full, 'pipe'],
          encoding: 'utf8',
        });
        expect(result.stderr, args[0]).toBe(
          'hookbench: cannot write to standard output: the disk is full.\n',
        );
        expect(result.status).toBe(1);
      }
    } finally {
      closeSync(full);
    }
  });
});
