/**
 * Steps 1 and 2: capture throughput against the limit (bare node:http) and the peers (Mockoon,
 * mockttp). Every server runs in its own child process; autocannon runs here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runLoad } from '../lib/load.mjs';
import { reverseBody, smsBatchOfSize } from '../lib/payloads.mjs';
import {
  cpuOfChild,
  oneLine,
  spawnLogged,
  startNodeChild,
  stopNodeChild,
  stopProcess,
  tailOf,
  waitForHttp,
} from '../lib/proc.mjs';
import { fmt, median } from '../lib/report.mjs';

const STEP = '1 Capture throughput';
const PEERS = '2 Peers (same load)';

export async function throughputStep(ctx) {
  const { report, config } = ctx;
  const small = reverseBody(300);
  const big = smsBatchOfSize(100 * 1024);
  const body = { small, big };
  ctx.results.throughput = {
    config: {
      connections: config.connections,
      durationS: config.durationS,
      warmupS: config.warmupS,
      smallBodyBytes: Buffer.byteLength(small),
      bigBodyBytes: Buffer.byteLength(big),
    },
    runs: {},
  };
  const runs = ctx.results.throughput.runs;
  const targets = {
    'bare-300': { server: 'bare', path: '/bench', body: body.small },
    'hookbench-300': { server: 'hookbench', path: '/bench', body: body.small },
    'hookbench-template': {
      server: 'hookbench',
      args: ['--template'],
      path: '/bench/template',
      body: body.small,
    },
    'append-300': { server: 'bare', append: true, path: '/bench', body: body.small },
    'bare-100k': { server: 'bare', path: '/bench', body: body.big, big: true },
    'append-100k': { server: 'bare', append: true, path: '/bench', body: body.big, big: true },
    'hookbench-100k': { server: 'hookbench', path: '/bench', body: body.big, big: true },
    'mockoon-300': { server: 'mockoon', path: '/bench', body: body.small },
    'mockttp-300': { server: 'mockttp', path: '/bench', body: body.small },
  };
  // The 300 B comparisons run in rounds, the order reversed every other round, because a shared
  // machine's load comes and goes: each figure is the median of its rounds, and each ratio the
  // median of the ratios within a round (figures measured a few seconds apart).
  const order = [];
  for (let round = 0; round < config.rounds; round++) {
    const group = ['bare-300', 'hookbench-300', 'hookbench-template', 'mockoon-300', 'mockttp-300'];
    order.push(...(round % 2 === 0 ? group : group.reverse()));
  }
  order.push('append-300', 'bare-100k', 'append-100k', 'hookbench-100k');
  const rounds = {};
  for (const id of order) {
    ctx.log(`  throughput: ${id}`);
    let result;
    try {
      result = await measure(ctx, id, targets[id]);
    } catch (error) {
      result = { error: oneLine(error) };
    }
    rounds[id] = [...(rounds[id] ?? []), result];
  }
  for (const [id, list] of Object.entries(rounds)) runs[id] = combine(list);
  const bare300 = runs['bare-300'];
  const hb300 = runs['hookbench-300'];
  const bare100k = runs['bare-100k'];
  const hb100k = runs['hookbench-100k'];
  const hbTemplate = runs['hookbench-template'];
  const append300 = runs['append-300'];
  const append100k = runs['append-100k'];
  const mockoon = runs['mockoon-300'];
  const mockttp = runs['mockttp-300'];

  const conns = `${config.connections} conns, ${config.durationS} s`;
  const row = (step, figure, result, options) => {
    if (result.error) report.fail(step, figure, result.error);
    else report.add(step, figure, describe(result), options);
  };
  const ratio = (a, b) => {
    if (a.error || b.error) return Number.NaN;
    const paired = [];
    for (let i = 0; i < Math.min(a.rounds.length, b.rounds.length); i++) {
      const [x, y] = [a.rounds[i], b.rounds[i]];
      if (!x.error && !y.error) paired.push(x.reqPerSec / y.reqPerSec);
    }
    return paired.length ? median(paired) : a.reqPerSec / b.reqPerSec;
  };
  // The same comparison by cost: b's CPU per request over a's, paired by round like `ratio`.
  const costRatio = (a, b) => {
    if (a.error || b.error || a.serverCpuUsPerRequest === undefined || b.serverCpuUsPerRequest === undefined)
      return Number.NaN;
    const paired = [];
    for (let i = 0; i < Math.min(a.rounds.length, b.rounds.length); i++) {
      const [x, y] = [a.rounds[i], b.rounds[i]];
      if (!x.error && !y.error) paired.push(y.serverCpuUsPerRequest / x.serverCpuUsPerRequest);
    }
    return median(paired);
  };

  row(STEP, `300 B body · bare node:http (the limit) · ${conns}`, bare300, { ratio: '1.00× (limit)' });
  const r300 = ratio(hb300, bare300);
  const c300 = costRatio(hb300, bare300);
  row(STEP, '300 B body · Hookbench receiver (fallback answer, durable store)', hb300, {
    ratio: `${fmt.ratio(r300)} bare${Number.isFinite(c300) ? ` · by CPU per request ${fmt.ratio(c300)}` : ''}`,
    goal: Number.isFinite(r300) ? { text: '≥ 0.60× bare', met: r300 >= 0.6 } : undefined,
  });
  if (!hb300.error) {
    report.add(
      STEP,
      `Hookbench p99 latency, 300 B, ${config.connections} connections`,
      fmt.ms(hb300.latency.p99),
      {
        ratio: bare300.error ? '' : `bare p99 ${fmt.ms(bare300.latency.p99)}`,
        goal: { text: 'p99 < 20 ms', met: hb300.latency.p99 < 20 },
      },
    );
  }
  // Runs once, after the rounds: a ratio against the bare figure is across a few minutes' drift.
  const appendRow = (size, append, bare, hb) =>
    row(
      STEP,
      `${size} body · bare node:http appending each body to a file before answering (a floor for storing)`,
      append,
      {
        ratio:
          append.error || bare.error
            ? ''
            : `${fmt.ratio(append.reqPerSec / bare.reqPerSec)} bare · Hookbench ${fmt.ratio(hb.error ? Number.NaN : hb.reqPerSec / append.reqPerSec)} of it`,
      },
    );
  appendRow('300 B', append300, bare300, hb300);
  row(STEP, `100 KB body · bare node:http · ${conns}`, bare100k, { ratio: '1.00× (limit)' });
  appendRow('100 KB', append100k, bare100k, hb100k);
  const r100k = ratio(hb100k, bare100k);
  row(STEP, '100 KB body · Hookbench receiver', hb100k, {
    ratio: `${fmt.ratio(r100k)} bare`,
    goal: Number.isFinite(r100k) ? { text: '≥ 0.60× bare', met: r100k >= 0.6 } : undefined,
  });
  const rTemplate = ratio(hbTemplate, bare300);
  row(STEP, '300 B body · Hookbench with a Handlebars response rule (json-safe)', hbTemplate, {
    ratio: `${fmt.ratio(rTemplate)} bare · ${fmt.ratio(ratio(hbTemplate, hb300))} fallback`,
    goal: Number.isFinite(rTemplate) ? { text: '≥ 0.60× bare', met: rTemplate >= 0.6 } : undefined,
  });

  const peerRow = (name, peer) => {
    if (peer.error) {
      report.fail(PEERS, `${name} (300 B, static 200)`, `${name.split(' ')[0]}: ${peer.error}`);
      return;
    }
    const r = ratio(hb300, peer);
    report.add(PEERS, `${name} (300 B, static 200, logs in memory)`, describe(peer), {
      ratio: `Hookbench/${name.split(' ')[0]} ${fmt.ratio(r)}`,
      goal: Number.isFinite(r) ? { text: `ahead of ${name.split(' ')[0]}`, met: r > 1 } : undefined,
    });
  };
  peerRow('mockoon (@mockoon/cli 9)', mockoon);
  peerRow('mockttp (4.5)', mockttp);
}

/** The median of a figure's rounds (failed rounds left out; all failed: the first error). */
function combine(list) {
  const ok = list.filter((r) => !r.error);
  if (ok.length === 0) return list[0];
  const mid = (pick) => median(ok.map(pick));
  const sum = (pick) => ok.reduce((total, r) => total + (pick(r) ?? 0), 0);
  const rates = ok.map((r) => r.reqPerSec);
  return {
    reqPerSec: mid((r) => r.reqPerSec),
    spread: { min: Math.min(...rates), max: Math.max(...rates) },
    latency: {
      avg: mid((r) => r.latency.avg),
      p50: mid((r) => r.latency.p50),
      p90: mid((r) => r.latency.p90),
      p99: mid((r) => r.latency.p99),
      max: Math.max(...ok.map((r) => r.latency.max)),
    },
    serverCpuUsPerRequest: ok.every((r) => r.serverCpuUsPerRequest !== undefined)
      ? mid((r) => r.serverCpuUsPerRequest)
      : undefined,
    total: sum((r) => r.total),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    stored: ok.some((r) => r.stored !== undefined) ? sum((r) => r.stored) : undefined,
    answered: ok.some((r) => r.answered !== undefined) ? sum((r) => r.answered) : undefined,
    failedRounds: list.length - ok.length,
    rounds: list,
  };
}

function describe(result) {
  const spread =
    result.rounds?.length > 1
      ? ` (rounds ${result.rounds.map((r) => (r.error ? 'failed' : fmt.int(r.reqPerSec))).join(' / ')})`
      : '';
  const parts = [
    `${fmt.int(result.reqPerSec)} req/s${spread}`,
    `p50 ${fmt.ms(result.latency.p50)}`,
    `p99 ${fmt.ms(result.latency.p99)}`,
  ];
  if (result.serverCpuUsPerRequest !== undefined)
    parts.push(`${result.serverCpuUsPerRequest.toFixed(1)} µs server CPU per request`);
  const problems = [];
  if (result.errors) problems.push(`${fmt.int(result.errors)} errors`);
  if (result.timeouts) problems.push(`${fmt.int(result.timeouts)} timeouts`);
  if (result.non2xx) problems.push(`${fmt.int(result.non2xx)} non-2xx`);
  if (result.stored !== undefined)
    problems.push(
      result.stored >= result.answered
        ? `all ${fmt.int(result.answered)} answered requests stored`
        : `only ${fmt.int(result.stored)} of ${fmt.int(result.answered)} answered requests stored!`,
    );
  return problems.length ? `${parts.join(' · ')} (${problems.join(', ')})` : parts.join(' · ');
}

/** Starts one server, warms it up, measures, stops it. */
async function measure(ctx, id, target) {
  const { config } = ctx;
  const server = await startServer(ctx, id, target);
  let warm;
  let result;
  let stopped;
  try {
    const url = `${server.url}${target.path}`;
    const cap = target.big ? 20_000 : 150_000;
    warm = await runLoad({
      url,
      body: target.body,
      connections: config.connections,
      durationS: config.warmupS,
      maxRequests: cap * config.warmupS,
    });
    const cpuBefore = await server.cpu();
    result = await runLoad({
      url,
      body: target.body,
      connections: config.connections,
      durationS: config.durationS,
      maxRequests: cap * config.durationS,
    });
    const cpuAfter = await server.cpu();
    if (cpuBefore !== null && cpuAfter !== null && result.total > 0)
      result.serverCpuUsPerRequest = (cpuAfter - cpuBefore) / result.total;
  } finally {
    stopped = await server.stop();
  }
  if (result.total === 0) throw new Error(`no answers (${result.errors} errors)${tailOf(server.logFile)}`);
  if (target.server === 'hookbench' && stopped?.stored !== undefined) {
    result.stored = stopped.stored;
    result.answered = warm.ok2xx + warm.non2xx + result.ok2xx + result.non2xx;
  }
  result.warmup = { reqPerSec: warm.reqPerSec, total: warm.total };
  result.loadAvg1mAtEnd = loadavg()[0];
  return result;
}

async function startServer(ctx, id, target) {
  const { benchDir, tmp } = ctx;
  const logFile = join(tmp, `${id}.log`);
  if (target.server === 'mockoon') {
    const port = await freePort();
    const cli = join(ctx.root, 'node_modules/@mockoon/cli/bin/run.js');
    const proc = spawnLogged(
      process.execPath,
      [
        cli,
        'start',
        '--data',
        join(benchDir, 'mockoon-environment.json'),
        '--port',
        String(port),
        '--disable-log-to-file',
        '--disable-admin-api',
      ],
      logFile,
      { cwd: tmp },
    );
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${url}/bench`, { timeoutMs: 45_000, exited: proc.exited });
    } catch (error) {
      await stopProcess(proc);
      throw new Error(`could not start: ${error.message}${tailOf(logFile)}`);
    }
    return { url, logFile, cpu: async () => null, stop: () => stopProcess(proc) };
  }
  const scripts = { bare: 'bare.mjs', hookbench: 'hookbench.mjs', mockttp: 'mockttp.mjs' };
  const args = target.append ? ['--append', join(tmp, `${id}.bodies`)] : [];
  let dataDir;
  if (target.server === 'hookbench') {
    dataDir = mkdtempSync(join(tmp, `${id}-data-`));
    args.push(dataDir, ...(target.args ?? []));
  }
  const execArgv =
    ctx.config.cpuProfDir && target.server === 'hookbench'
      ? ['--cpu-prof', '--cpu-prof-dir', ctx.config.cpuProfDir, '--cpu-prof-name', `${id}.cpuprofile`]
      : [];
  const handle = await startNodeChild(join(benchDir, 'servers', scripts[target.server]), args, {
    logFile,
    execArgv,
  });
  return {
    url: handle.info.url,
    logFile,
    cpu: () => cpuOfChild(handle),
    stop: async () => {
      const result = await stopNodeChild(handle);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      return result.stopped;
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
