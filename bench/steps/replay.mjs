/**
 * Step 6: bulk replay. 10,000 ~300 B captures replayed by the core's ReplayService (assembled as
 * `hookbench replay` assembles it: CaptureStore + ReplayStore + ReplayService) to the bare node:http
 * server in a child process, concurrency 50, no rate limit, against autocannon with 50 keep-alive
 * connections sending the same body and headers to the same server: the limit for this machine.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { runLoad } from '../lib/load.mjs';
import { reverseCapture } from '../lib/payloads.mjs';
import { startNodeChild, stopNodeChild } from '../lib/proc.mjs';
import { fmt, median, quantile } from '../lib/report.mjs';

const STEP = '6 Replay';
export const REPLAY_CAPTURES = 10_000;
const CONCURRENCY = 50;
const BATCH = 1000;
/** Whole replays run, unmeasured, before the rounds (see the warm-up below). */
const WARMUP_RUNS = 4;
/** A replay run that takes longer is cancelled (ReplayService.cancel) and reported as partial. */
const RUN_TIME_LIMIT_MS = 120_000;
const HOP_BY_HOP = new Set(['host', 'content-length']);

export async function replayStep(ctx) {
  const { report, config, tmp } = ctx;
  const { CaptureStore } = await import(`${ctx.buildDir}/store.mjs`);
  const { STORE_FILE_NAME, REPLAY_STORE_FILE_NAME } = await import(`${ctx.buildDir}/core.mjs`);
  const { ReplayService } = await import(`${ctx.buildDir}/replay.mjs`);
  const { ReplayStore } = await import(`${ctx.buildDir}/replay-store.mjs`);
  const { parseBulk } = await import(`${ctx.buildDir}/replay-validate.mjs`);
  const { closeHttpAgents } = await import(`${ctx.buildDir}/http.mjs`);

  // A fresh data folder holding only the captures to replay.
  const dir = join(tmp, 'replay-data');
  mkdirSync(dir, { recursive: true });
  const startAt = Date.parse('2026-11-01T00:00:00Z');
  const captures = new CaptureStore(join(dir, STORE_FILE_NAME));
  for (let i = 0; i < REPLAY_CAPTURES; i += BATCH) {
    const batch = [];
    for (let j = i; j < Math.min(REPLAY_CAPTURES, i + BATCH); j++) batch.push(reverseCapture(j, startAt));
    captures.insertMany(batch);
  }
  const sample = reverseCapture(0, startAt);
  // autocannon sends what the replay sends: the captured headers (Host and Content-Length set anew).
  const headers = Object.fromEntries(
    sample.headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())).map(([n, v]) => [n, v]),
  );
  const body = sample.body.toString();
  const replays = new ReplayStore(join(dir, REPLAY_STORE_FILE_NAME));
  const service = new ReplayService(captures, replays);

  const server = await startNodeChild(join(ctx.benchDir, 'servers/bare.mjs'), [], {
    logFile: join(tmp, 'replay-bare.log'),
  });
  const results = { captures: REPLAY_CAPTURES, bodyBytes: sample.body.length, concurrency: CONCURRENCY };
  ctx.results.replay = results;
  try {
    const base = {
      targetUrl: server.info.url,
      rebase: true,
      verifyTls: true,
      keepOrder: false,
      concurrency: CONCURRENCY,
      ratePerSecond: null,
      stopOnFailure: false,
    };
    // Every capture, oldest first: what `hookbench replay --all` selects.
    const all = parseBulk(base);
    const url = `${server.info.url}${sample.path}`;

    const replayOnce = async (request, profileName) => {
      const batchId = randomUUID();
      const latencies = [];
      const guard = setTimeout(() => {
        try {
          service.cancel(batchId);
        } catch {
          // Already finished.
        }
      }, RUN_TIME_LIMIT_MS);
      const session = profileName && config.cpuProfDir ? await startProfile() : null;
      const t = performance.now();
      const cpu = process.cpuUsage();
      let progress;
      try {
        progress = await service.run(request, batchId, (record) =>
          latencies.push(record.exchange.timings.totalMs),
        );
      } finally {
        clearTimeout(guard);
      }
      const seconds = (performance.now() - t) / 1000;
      const cpuUsPerRequest = cpuPerRequest(cpu, progress.sent);
      if (session) await stopProfile(session, join(config.cpuProfDir, `${profileName}.cpuprofile`));
      return {
        reqPerSec: progress.sent / seconds,
        cpuUsPerRequest,
        seconds,
        ...progress,
        latency: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) },
        loadAvg1mAtEnd: loadavg()[0],
      };
    };
    const autocannonOnce = async (durationS) => {
      const r = await runLoad({
        url,
        body,
        headers,
        connections: CONCURRENCY,
        durationS,
        maxRequests: 150_000 * durationS,
      });
      // Requests over elapsed time, as the replay's figure is (not autocannon's per-second mean).
      return { ...r, reqPerSec: r.total / r.seconds, loadAvg1mAtEnd: loadavg()[0] };
    };

    const undiciOnce = () => undiciFloor(url, headers, sample.body, REPLAY_CAPTURES, CONCURRENCY);

    // Unmeasured warm-up of both (JIT, connections, the server): WARMUP_RUNS whole replays, then
    // one autocannon window. One replay was not enough: a fresh process's CPU per replay falls over
    // its first three or four runs (~130 → ~80 → ~65 → ~50 µs; not because of the target, the replay
    // file or the young generation: each was tried warm or larger), so the rounds measured the
    // process warming up. The receivers of step 2 get ~60,000 requests of warm-up.
    ctx.log(
      `  replay: warm-up (${WARMUP_RUNS} × ${fmt.int(REPLAY_CAPTURES)} replays, ${config.warmupS} s autocannon)`,
    );
    const warm = [];
    for (let run = 0; run < WARMUP_RUNS; run++) warm.push(await replayOnce(all));
    await undiciOnce();
    await autocannonOnce(config.warmupS);
    // autocannon's window: about as long as a 10,000-capture replay takes, 2 s to --duration.
    let estimateS = warm[warm.length - 1].seconds;
    const windowS = () => Math.min(config.durationS, Math.max(2, Math.ceil(estimateS)));

    const rounds = [];
    for (let round = 0; round < config.rounds; round++) {
      const entry = {};
      const order = round % 2 === 0 ? ['replay', 'undici', 'autocannon'] : ['autocannon', 'undici', 'replay'];
      for (const what of order) {
        ctx.log(`  replay: round ${round + 1} ${what}`);
        if (what === 'replay') {
          entry.replay = await replayOnce(all, round === 0 ? 'replay-round1' : null);
          estimateS = entry.replay.seconds;
        } else if (what === 'undici') {
          entry.undici = await undiciOnce();
        } else {
          entry.autocannon = await autocannonOnce(windowS());
        }
      }
      rounds.push(entry);
    }
    results.warmup = warm;
    results.rounds = rounds;
    const replayRate = median(rounds.map((r) => r.replay.reqPerSec));
    const limitRate = median(rounds.map((r) => r.autocannon.reqPerSec));
    const ratio = median(rounds.map((r) => r.replay.reqPerSec / r.autocannon.reqPerSec));
    results.replayReqPerSec = replayRate;
    results.autocannonReqPerSec = limitRate;
    results.ratio = ratio;
    const undiciRate = median(rounds.map((r) => r.undici.reqPerSec));
    const undiciRatio = median(rounds.map((r) => r.undici.reqPerSec / r.autocannon.reqPerSec));
    results.undiciReqPerSec = undiciRate;
    results.undiciRatio = undiciRatio;

    const replayed = rounds.map((r) => r.replay);
    const problems = [];
    const sum = (pick) => replayed.reduce((total, r) => total + pick(r), 0);
    if (sum((r) => r.errors)) problems.push(`${fmt.int(sum((r) => r.errors))} network errors`);
    if (sum((r) => r.non2xx)) problems.push(`${fmt.int(sum((r) => r.non2xx))} non-2xx`);
    const partial = replayed.filter((r) => r.state !== 'done' || r.sent < REPLAY_CAPTURES);
    if (partial.length)
      problems.push(
        `${partial.length} run(s) cut at ${RUN_TIME_LIMIT_MS / 1000} s (${partial.map((r) => fmt.int(r.sent)).join(', ')} sent)`,
      );
    if (!problems.length) problems.push(`all ${fmt.int(sum((r) => r.ok))} replays 2xx and stored`);
    const list = (items, pick) => (items.length > 1 ? ` (rounds ${items.map(pick).join(' / ')})` : '');
    report.add(
      STEP,
      `autocannon → the same bare node:http server (the limit) · ${CONCURRENCY} conns, same body and headers, ~${windowS()} s windows`,
      `${fmt.int(limitRate)} req/s${list(rounds, (r) => fmt.int(r.autocannon.reqPerSec))} · p50 ${fmt.ms(median(rounds.map((r) => r.autocannon.latency.p50)))} · p99 ${fmt.ms(median(rounds.map((r) => r.autocannon.latency.p99)))}`,
      { ratio: '1.00× (limit)' },
    );
    report.add(
      STEP,
      `undici (the HTTP client replay sends with) alone: the same ${fmt.int(REPLAY_CAPTURES)} requests, ${CONCURRENCY} at a time, answers discarded, nothing read or stored — the client's floor`,
      `${fmt.int(undiciRate)} req/s${list(rounds, (r) => fmt.int(r.undici.reqPerSec))} · ${fmt.int(median(rounds.map((r) => r.undici.cpuUsPerRequest)))} µs CPU per request${undiciProblems(rounds)}`,
      { ratio: `${fmt.ratio(undiciRatio)} autocannon` },
    );
    report.add(
      STEP,
      `bulk replay of ${fmt.int(REPLAY_CAPTURES)} ${sample.body.length} B captures → bare node:http · ReplayService.run, concurrency ${CONCURRENCY}, no rate limit, each result stored`,
      `${fmt.int(replayRate)} req/s${list(replayed, (r) => fmt.int(r.reqPerSec))} · ${median(replayed.map((r) => r.seconds)).toFixed(2)} s per run · ${fmt.int(median(replayed.map((r) => r.cpuUsPerRequest)))} µs CPU per replay · p50 ${fmt.ms(median(replayed.map((r) => r.latency.p50)))} · p99 ${fmt.ms(median(replayed.map((r) => r.latency.p99)))} (${problems.join(', ')}) · after ${warm.length} unmeasured runs; the first, in a fresh process: ${fmt.int(warm[0].reqPerSec)} req/s, ${fmt.int(warm[0].cpuUsPerRequest)} µs CPU per replay`,
      {
        ratio: `${fmt.ratio(ratio)} autocannon`,
        goal: { text: '≥ 0.7× the autocannon limit', met: ratio >= 0.7 },
      },
    );
  } finally {
    await stopNodeChild(server);
    captures.close();
    await replays.close();
    await closeHttpAgents();
  }
}

/** Says when the undici floor's runs were not all answered 2xx (its rate would then mislead). */
function undiciProblems(rounds) {
  const sent = rounds.length * REPLAY_CAPTURES;
  const ok = rounds.reduce((total, r) => total + r.undici.ok, 0);
  const errors = rounds.reduce((total, r) => total + r.undici.errors, 0);
  return ok === sent
    ? ''
    : ` (only ${fmt.int(ok)} of ${fmt.int(sent)} answered 2xx, ${fmt.int(errors)} errors)`;
}

/**
 * The cheapest documented way to send with undici: `Dispatcher.dispatch` with a handler that
 * drops the answer, `total` requests with `concurrency` in flight, on a Pool of its own.
 */
async function undiciFloor(url, headers, body, total, concurrency) {
  const { origin, pathname } = new URL(url);
  const pool = new Pool(origin, { connections: concurrency });
  const headerList = Object.entries(headers).flat();
  let ok = 0;
  let errors = 0;
  const sendOne = () =>
    new Promise((resolve) => {
      let status = 0;
      pool.dispatch(
        { origin, path: pathname, method: 'POST', headers: headerList, body },
        {
          onRequestStart() {},
          onResponseStart(_controller, statusCode) {
            status = statusCode;
          },
          onResponseData() {},
          onResponseEnd() {
            if (status >= 200 && status < 300) ok += 1;
            resolve();
          },
          onResponseError() {
            errors += 1;
            resolve();
          },
        },
      );
    });
  let next = 0;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (next < total) {
      next += 1;
      await sendOne();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t) / 1000;
  const cpuUsPerRequest = cpuPerRequest(cpu, total);
  await pool.close();
  return { reqPerSec: total / seconds, cpuUsPerRequest, seconds, ok, errors, loadAvg1mAtEnd: loadavg()[0] };
}

/**
 * This process's CPU time (all its threads) per request since `since`: steadier than a rate on a
 * shared machine, and what the replay adds to the client's own work.
 */
function cpuPerRequest(since, requests) {
  const { user, system } = process.cpuUsage(since);
  return requests > 0 ? (user + system) / requests : 0;
}

/** With --cpu-prof: this process's CPU profile (inspector Profiler) around one replay run. */
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session, file) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}
