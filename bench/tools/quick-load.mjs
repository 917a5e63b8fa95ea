/**
 * One quick throughput check while working on the receiver: bare node:http and Hookbench (or only
 * one of them), same 300 B body, 50 connections, N seconds each. Not part of `npm run bench`.
 *
 *   node bench/tools/quick-load.mjs [--seconds 5] [--only bare|hookbench] [--big] [--template] [--cpu-prof DIR]
 *
 * `--template` posts to Hookbench's templated-answer rule (bench/servers/hookbench.mjs --template).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCore } from '../lib/build-core.mjs';
import { runLoad } from '../lib/load.mjs';
import { reverseBody, smsBatchOfSize } from '../lib/payloads.mjs';
import { startNodeChild, stopNodeChild } from '../lib/proc.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    only: { type: 'string' },
    big: { type: 'boolean', default: false },
    template: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    /** A folder with servers/ and .build/ to load instead of this checkout's (A/B runs of two builds). */
    'server-root': { type: 'string' },
  },
});
const root = join(import.meta.dirname, '../..');
if (!values['no-build']) await buildCore(root, join(root, 'bench/.build'));
const body = values.big ? smsBatchOfSize(100 * 1024) : reverseBody(300);
const scratch = mkdtempSync(join(tmpdir(), 'hookbench-quick-'));
for (const server of ['bare', 'hookbench']) {
  if (values.only && values.only !== server) continue;
  const execArgv = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
  const args =
    server === 'hookbench'
      ? [mkdtempSync(join(scratch, 'data-')), ...(values.template ? ['--template'] : [])]
      : [];
  const path = server === 'hookbench' && values.template ? '/bench/template' : '/bench';
  const serverRoot =
    server === 'hookbench' && values['server-root'] ? values['server-root'] : join(root, 'bench');
  const handle = await startNodeChild(join(serverRoot, `servers/${server}.mjs`), args, {
    logFile: join(scratch, `${server}.log`),
    execArgv,
  });
  await runLoad({ url: `${handle.info.url}${path}`, body, durationS: 1 });
  const before = threadTimes(handle.child.pid);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const result = await runLoad({ url: `${handle.info.url}${path}`, body, durationS: Number(values.seconds) });
  const wallMs = performance.now() - started;
  const own = process.cpuUsage(ownBefore);
  const after = threadTimes(handle.child.pid);
  const busy = [...after].map(([tid, { name, ms }]) => [name, ms - (before.get(tid)?.ms ?? 0)]);
  const share = (ms) => `${Math.round((ms / wallMs) * 100)}%`;
  console.log(
    `  CPU: load generator ${share((own.user + own.system) / 1000)}; server threads ${busy
      .filter(([, ms]) => ms > wallMs * 0.01)
      .map(([name, ms]) => `${name} ${share(ms)}`)
      .join(', ')}`,
  );
  const perRequest = (ms) => ((ms * 1000) / result.total).toFixed(1);
  const mainMs = busy.find(([name]) => name === 'MainThread' || name === 'node')?.[1] ?? 0;
  console.log(
    `  server CPU per request: ${perRequest(busy.reduce((sum, [, ms]) => sum + ms, 0))} µs all threads, ${perRequest(mainMs)} µs main thread`,
  );
  const stopped = await stopNodeChild(handle);
  console.log(
    `${server.padEnd(10)} ${Math.round(result.reqPerSec)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ${JSON.stringify(stopped)}`,
  );
}
if (values.only !== 'bare') process.stdout.write(readFileSync(join(scratch, 'hookbench.log'), 'utf8'));
rmSync(scratch, { recursive: true, force: true });

/** CPU milliseconds (user + system) of each thread of a process, from /proc (Linux only). */
function threadTimes(pid) {
  const times = new Map();
  const tick = 10; // USER_HZ is 100 on Linux
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(tid, { name, ms: (Number(fields[11]) + Number(fields[12])) * tick });
    }
  } catch {
    // Not Linux: no per-thread figures.
  }
  return times;
}
