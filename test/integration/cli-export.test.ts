import { spawn, spawnSync } from 'node:child_process';
import { linkSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, importRequests, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

/** What Linux says a process is doing (its state, threads and where it waits), for a failure message. */
function processState(pid: number | undefined): string {
  if (pid === undefined) return 'no pid';
  const read = (name: string) => {
    try {
      return readFileSync(`/proc/${pid}/${name}`, 'utf8').trim();
    } catch {
      return '(unreadable)';
    }
  };
  const status = read('status')
    .split('\n')
    .filter((line) => /^(State|Threads|SigPnd|ShdPnd|SigBlk|SigCgt):/.test(line));
  return [...status, `wchan: ${read('wchan')}`].join('\n');
}

describe('hookbench export --out and --redact (built CLI, real files)', () => {
  let dir: ReturnType<typeof tempDir>;
  let data: string;
  beforeEach(() => {
    dir = tempDir();
    data = join(dir.path, 'data');
    importRequests(data, join(dir.path, 'seed.har'), [
      {
        path: '/hook',
        headers: [
          ['Content-Type', 'application/json'],
          ['Authorization', 'Bearer s3cret'],
          ['X-Trace', 'abc'],
        ],
        body: '{"id_sms":3234}',
      },
    ]);
  });
  afterEach(() => dir.cleanup());

  const dataFiles = () => readdirSync(data).sort();
  const exportedCount = () => runCli(['export', '--data', data]).stdout.trim().split('\n').length;

  it('refuses to write over any file of the data folder, even with --force, and loses nothing', () => {
    const before = Object.fromEntries(dataFiles().map((name) => [name, readFileSync(join(data, name))]));
    symlinkSync(join(data, 'captures.sqlite'), join(dir.path, 'link.ndjson'));
    linkSync(join(data, 'settings.json'), join(dir.path, 'hard.ndjson'));
    for (const out of [
      join(data, 'captures.sqlite'),
      join(data, 'workspace.json'),
      join(data, 'settings.json'),
      join(data, 'composer.json'),
      join(data, 'replays.sqlite'),
      join(data, 'captures.sqlite-wal'),
      join(dir.path, 'link.ndjson'),
      join(dir.path, 'hard.ndjson'),
    ]) {
      // --force allows replacing an ordinary file, never a data file.
      const result = runCli(['export', '--data', data, '--out', out, '--force']);
      expect(result.status, out).toBe(2);
      expect(result.stderr).toMatch(
        /^hookbench: --out .* is the data folder's [\w.-]+: .*Choose a file outside/,
      );
    }
    expect(dataFiles()).toEqual(Object.keys(before).sort());
    for (const [name, bytes] of Object.entries(before)) expect(readFileSync(join(data, name))).toEqual(bytes);
    expect(exportedCount()).toBe(1);
  });

  it('replaces an existing file only with --force', () => {
    const out = join(dir.path, 'out.ndjson');
    writeFileSync(out, 'precious');
    const refused = runCli(['export', '--data', data, '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `hookbench: ${out} already exists. Add --force to replace it, or choose another --out.\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('precious');
    const forced = runCli(['export', '--data', data, '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).path).toBe('/hook');
  });

  it('a failed export never leaves a half-written file where the good one was', () => {
    const body = JSON.stringify('x'.repeat(4000));
    importRequests(
      data,
      join(dir.path, 'more.har'),
      Array.from({ length: 100 }, (_, i) => ({ path: `/more/${i}`, body })),
    );
    const out = join(dir.path, 'good.ndjson');
    writeFileSync(out, 'the good export\n');
    // A file size limit of 256 KiB stops the export (about 600 KB) midway, as a full disk would.
    const args = ['export', '--data', data, '--out', out, '--force'];
    const cut = spawnSync('bash', ['-c', 'ulimit -f 256; exec "$0" "$@"', process.execPath, CLI, ...args], {
      encoding: 'utf8',
    });
    expect(cut.stderr).toBe(
      `hookbench: Could not write ${out}: the file would be larger than this system allows. Nothing was written there.\n`,
    );
    expect(cut.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('the good export\n');
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.part'))).toEqual([]);

    expect(runCli(args).status).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(101);
  });

  it('Ctrl-C during an export removes its temporary file and keeps the old file (exit 130)', async () => {
    const body = JSON.stringify('x'.repeat(200_000));
    importRequests(
      data,
      join(dir.path, 'big.har'),
      Array.from({ length: 150 }, (_, i) => ({ path: `/big/${i}`, body })),
    );
    const out = join(dir.path, 'good.ndjson');
    writeFileSync(out, 'the good export\n');
    const child = spawn(process.execPath, [CLI, 'export', '--data', data, '--out', out, '--force'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    const parts = () => readdirSync(dir.path).filter((name) => name.endsWith('.part'));
    // Interrupted while it writes: the temporary file exists and the export (about 40 MB) is under way.
    const started = Date.now();
    while (parts().length === 0 && child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
    expect(child.exitCode).toBeNull();
    const waitedForPart = Date.now() - started;
    child.kill('SIGINT');
    // A process that outlives its signal fails here with what it was doing, not as a test timeout.
    const code = await Promise.race([exited, sleep(10_000).then(() => 'still running' as const)]);
    if (code === 'still running') {
      const state = processState(child.pid);
      child.kill('SIGKILL');
      throw new Error(
        `export still running 10 s after SIGINT (its .part appeared after ${waitedForPart} ms)\n${state}\nstderr: ${stderr}`,
      );
    }
    expect(code).toBe(130);
    expect(stderr).toBe(`hookbench: export stopped by SIGINT; nothing was written to ${out}.\n`);
    expect(parts()).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('the good export\n');
  });

  it('a write error says so in words (exit 1); a device is written to, not replaced', () => {
    const full = runCli(['export', '--data', data, '--out', '/dev/full']);
    expect(full.status).toBe(1);
    expect(full.stderr).toBe('hookbench: Could not write /dev/full: the disk is full.\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(runCli(['export', '--data', data, '--out', '/dev/null']).status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('says in plain words (exit 2) when --out or --data cannot be used', () => {
    const noFolder = runCli(['export', '--data', data, '--out', join(dir.path, 'nodir', 'x.ndjson')]);
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toMatch(
      /^hookbench: Cannot write .*x\.ndjson: the folder .*nodir does not exist\.\n$/,
    );
    const folder = runCli(['export', '--data', data, '--out', dir.path]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('is a folder; give a file name');
    const aFile = join(dir.path, 'seed.har');
    const dataIsFile = runCli(['export', '--data', aFile]);
    expect(dataIsFile.status).toBe(2);
    expect(dataIsFile.stderr).toBe(
      `hookbench: --data ${aFile} is a file, not a folder: give the folder that holds captures.sqlite.\n`,
    );
    for (const result of [noFolder, folder, dataIsFile])
      expect(result.stderr).not.toMatch(/ENOENT|EEXIST|\n\s+at /);
  });

  it('--redact hides header values in NDJSON as in HAR; NDJSON keeps every header without it', () => {
    const headersOf = (args: string[]) =>
      (
        JSON.parse(runCli(['export', '--data', data, ...args]).stdout.trim()) as {
          headers: [string, string][];
        }
      ).headers;
    expect(headersOf([])).toContainEqual(['Authorization', 'Bearer s3cret']);
    const redacted = headersOf(['--redact', 'authorization,x-trace']);
    expect(redacted).toContainEqual(['Authorization', '[redacted by Hookbench]']);
    expect(redacted).toContainEqual(['X-Trace', '[redacted by Hookbench]']);
    expect(redacted).toContainEqual(['Content-Type', 'application/json']);
    const har = runCli(['export', '--data', data, '--format', 'har', '--redact', 'x-trace']).stdout;
    expect(har).toContain('Bearer s3cret');
    expect(har).not.toContain('"abc"');
  });
});
