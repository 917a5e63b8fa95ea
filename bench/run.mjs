/**
 * Hookbench's benchmark suite: `npm run bench` (builds the app first). Every figure is measured
 * next to its reference in the same run and reported as a ratio; nothing here passes or fails.
 * Writes a Markdown table to stdout and the figures, with the machine, to bench/results.json.
 *
 *   node bench/run.mjs [--only templates,throughput,store,startup,ui,replay] [--duration 6] [--warmup 2]
 *                      [--rounds 3] [--captures 100000] [--cpu-prof DIR] [--keep]
 *
 * See bench/README.md for what each figure means.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCore } from './lib/build-core.mjs';
import { oneLine } from './lib/proc.mjs';
import { Report } from './lib/report.mjs';
import { replayStep } from './steps/replay.mjs';
import { startupStep } from './steps/startup.mjs';
import { storeStep } from './steps/store.mjs';
import { templatesStep } from './steps/templates.mjs';
import { throughputStep } from './steps/throughput.mjs';
import { uiStep } from './steps/ui.mjs';

const benchDir = import.meta.dirname;
const root = resolve(benchDir, '..');
const ALL_STEPS = ['templates', 'throughput', 'store', 'startup', 'ui', 'replay'];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    duration: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    captures: { type: 'string', default: '100000' },
    'cpu-prof': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const selected = values.only ? values.only.split(',').map((s) => s.trim()) : ALL_STEPS;
const config = {
  connections: 50,
  durationS: Number(values.duration),
  warmupS: Number(values.warmup),
  rounds: Math.max(1, Number(values.rounds)),
  captures: Number(values.captures),
  cpuProfDir: values['cpu-prof'] ? resolve(values['cpu-prof']) : null,
};
if (config.cpuProfDir) mkdirSync(config.cpuProfDir, { recursive: true });

const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'hookbench-bench-'));
const report = new Report();
const results = {
  machine: {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    freeMemoryBytesAtStart: freemem(),
    platform: `${platform()} ${release()}`,
    loadAvgAtStart: loadavg(),
  },
  node: process.version,
  date: new Date().toISOString(),
  config,
};
const ctx = { root, benchDir, buildDir: join(benchDir, '.build'), tmp, config, report, results, shared: {} };

const log = (message) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${message}\n`);
ctx.log = log;

log(
  `Node ${process.version}, ${results.machine.cores} × ${results.machine.cpuModel}; scratch data in ${tmp}`,
);
let built = false;
try {
  if (!existsSync(join(root, 'dist/cli/hookbench.js')))
    throw new Error('dist/cli is missing: run `npm run build`');
  await buildCore(root, ctx.buildDir);
  built = true;
} catch (error) {
  report.fail(
    '0 Build',
    'bench build of the core (Vite, bench/.build)',
    `could not build: ${oneLine(error)}`,
  );
}

const steps = {
  templates: templatesStep,
  throughput: throughputStep,
  store: storeStep,
  startup: startupStep,
  ui: uiStep,
  replay: replayStep,
};
if (built) {
  for (const name of ALL_STEPS) {
    if (!selected.includes(name)) continue;
    log(`${name}…`);
    const t0 = Date.now();
    try {
      await steps[name](ctx);
    } catch (error) {
      report.fail(name, 'the whole step', `failed: ${oneLine(error)}`);
    }
    log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
}
results.rows = report.rows;
results.totalSeconds = (Date.now() - started) / 1000;
writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (!values.keep) rmSync(tmp, { recursive: true, force: true });

const m = results.machine;
process.stdout.write(
  [
    '',
    `## Hookbench benchmark — ${results.date}`,
    '',
    `${m.cores} × ${m.cpuModel}, ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ` +
      `${m.platform}. Loopback only; throughput windows ${config.durationS} s after a ${config.warmupS} s ` +
      `warm-up, ${config.connections} keep-alive connections, 300 B figures the median of ${config.rounds} ` +
      'alternating rounds (a ratio is the median of the ratios within each round). Ratios compare figures ' +
      'measured in this run; goals are informational.',
    `Load average at start ${m.loadAvgAtStart.map((n) => n.toFixed(1)).join(' / ')}` +
      (m.loadAvgAtStart[0] > m.cores / 2
        ? ' — the machine was busy with other work: expect noisy figures.'
        : '.'),
    '',
    report.markdown(),
    '',
    `Total ${results.totalSeconds.toFixed(0)} s. Figures and machine details: bench/results.json` +
      (values.keep ? `; scratch data kept in ${tmp}` : ''),
    '',
  ].join('\n'),
);
