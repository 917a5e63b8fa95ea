import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const CLI = resolve(REPO_ROOT, 'dist/cli/hookbench.js');

function assertBuilt(): void {
  if (!existsSync(CLI))
    throw new Error(`The CLI is not built (${CLI} is missing): run \`npm run build\` first.`);
}

/** Runs the built CLI to completion on this test's Node (24). */
export function runCli(
  args: string[],
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  assertBuilt();
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The built CLI as a child process a test can signal, with what it has printed so far. */
export function spawnCli(args: string[]) {
  assertBuilt();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('close', done));
  return { child, output, exited };
}

/**
 * Runs the built CLI without blocking this process, for commands that talk to a server the
 * test itself runs (spawnSync would freeze that server until the CLI gave up). `keepBytes`
 * closes the read end of its standard output after that many characters, as
 * `hookbench … | head -c N` does.
 */
export function runCliAsync(
  args: string[],
  { keepBytes = Number.POSITIVE_INFINITY }: { keepBytes?: number } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  assertBuilt();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.length >= keepBytes) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: stdout.slice(0, keepBytes), stderr });
    });
  });
}

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  receiverUrl: string;
  uiUrl: string;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `hookbench serve` and resolves once it printed its addresses. */
export function startServe(args: string[]): Promise<ServeProcess> {
  assertBuilt();
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: 'pipe' });
  let out = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => rejectStart(new Error(`serve did not start in time:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const receiver = /Receiver: (\S+)/.exec(out)?.[1];
      const ui = /UI: +(\S+)/.exec(out)?.[1];
      if (receiver && ui) {
        clearTimeout(timer);
        resolveStart({
          child,
          receiverUrl: receiver,
          uiUrl: ui,
          output: () => out,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      rejectStart(new Error(`serve exited with ${code} before starting:\n${out}`));
    });
  });
}

export interface HarRequest {
  method?: string;
  path: string;
  headers?: [string, string][];
  body?: string;
}

/** A HAR 1.2 file's text holding `requests`, as a browser or HTTP Toolkit would write it. */
export function harText(requests: readonly HarRequest[]): string {
  const entries = requests.map((request) => ({
    startedDateTime: '2026-11-21T10:00:00.000Z',
    time: 1,
    request: {
      method: request.method ?? 'POST',
      url: `http://hooks.example.com${request.path}`,
      httpVersion: 'HTTP/1.1',
      headers: (request.headers ?? []).map(([name, value]) => ({ name, value })),
      queryString: [],
      ...(request.body === undefined
        ? {}
        : { postData: { mimeType: 'application/json', text: request.body } }),
      headersSize: -1,
      bodySize: request.body?.length ?? 0,
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [],
      content: { size: 0, mimeType: 'text/plain' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  }));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });
}

/** Adds these requests to the data folder as captures, through the built CLI's `import` of a HAR file written to `harFile`. */
export function importRequests(data: string, harFile: string, requests: readonly HarRequest[]): void {
  writeFileSync(harFile, harText(requests));
  const result = runCli(['import', harFile, '--data', data]);
  if (result.status !== 0) throw new Error(`import exited ${result.status}: ${result.stderr}`);
}
