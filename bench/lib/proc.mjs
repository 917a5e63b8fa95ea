/** Child processes for the servers under test: started, awaited and stopped with time limits. */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A sleep that does not keep the process alive: for the time limit raced against a child's exit. */
const limit = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Rejects after `ms` with `message` unless the promise settles first. */
export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Starts a Node 24 script with an IPC channel and waits for its first `{ ready: … }` message.
 * The child's stdout/stderr go to `logFile` (never through this process, so a chatty server
 * costs the load generator nothing); its tail is quoted when the start fails.
 */
export async function startNodeChild(script, args, { logFile, execArgv = [], timeoutMs = 30_000 } = {}) {
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...execArgv, script, ...args], {
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message?.ready) resolve(message.ready);
      if (message?.failed) reject(new Error(message.failed));
    });
    exited.then(({ code, signal }) => reject(new Error(`exited (${signal ?? code}) before it was ready`)));
    child.once('error', reject);
  });
  try {
    const info = await withTimeout(ready, timeoutMs, `not ready after ${timeoutMs / 1000} s`);
    return { child, info, exited, logFile };
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}${tailOf(logFile)}`);
  }
}

/**
 * The child's CPU time so far (µs, user + system, all its threads), from a server that answers
 * `{ cpu: true }` (bench/servers/cpu-usage.mjs); null if it does not answer within a second.
 */
export async function cpuOfChild(handle) {
  const { child } = handle;
  if (!child.connected) return null;
  let onMessage;
  const reply = new Promise((resolve) => {
    onMessage = (message) => message?.cpu && resolve(message.cpu.user + message.cpu.system);
    child.on('message', onMessage);
  });
  try {
    child.send({ cpu: true });
    return await Promise.race([reply, limit(1000).then(() => null)]);
  } finally {
    child.off('message', onMessage);
  }
}

/** Asks a child started by startNodeChild to stop (IPC `stop`, then SIGTERM, then SIGKILL). */
export async function stopNodeChild(handle, timeoutMs = 15_000) {
  const { child, exited } = handle;
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode };
  const reply = new Promise((resolve) => child.on('message', (m) => m?.stopped && resolve(m.stopped)));
  try {
    if (child.connected) child.send({ stop: true });
    else child.kill('SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  const result = await Promise.race([
    Promise.all([reply, exited]).then(([stopped]) => ({ stopped })),
    limit(timeoutMs).then(() => null),
  ]);
  if (result) return result;
  child.kill('SIGKILL');
  await exited;
  return { killed: true };
}

/** Spawns any command with output to a log file (for CLIs such as Mockoon's). */
export function spawnLogged(command, args, logFile, options = {}) {
  const log = openSync(logFile, 'w');
  const child = spawn(command, args, { stdio: ['ignore', log, log], ...options });
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, logFile };
}

/** Stops a spawned process: SIGTERM, then SIGKILL after `timeoutMs`. */
export async function stopProcess({ child, exited }, timeoutMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([exited.then(() => true), limit(timeoutMs).then(() => false)]);
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Polls `url` with a POST until any HTTP answer comes back. */
export async function waitForHttp(url, { timeoutMs = 30_000, exited } = {}) {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  exited?.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error('exited before it answered');
    if (await answers(url)) return;
    await sleep(150);
  }
  throw new Error(`no answer at ${url} after ${timeoutMs / 1000} s`);
}

function answers(url) {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(true));
    });
    req.setTimeout(2000, () => req.destroy());
    req.on('error', () => resolve(false));
    req.end('{}');
  });
}

/** The last lines of a log file, for error messages. */
export function tailOf(logFile, lines = 6) {
  try {
    const text = readFileSync(logFile, 'utf8').trim();
    if (!text) return '';
    return `\n    ${text.split('\n').slice(-lines).join('\n    ')}`;
  } catch {
    return '';
  }
}

/** One line of an error, for the report. */
export function oneLine(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300);
}
