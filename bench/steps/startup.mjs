/**
 * Step 7: headless host start-up: from spawning `hookbench serve` to its `UI:` line, with an
 * empty data folder and with the store of step 3, against the floor of starting Node itself.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import { withTimeout } from '../lib/proc.mjs';
import { fmt, median } from '../lib/report.mjs';

const STEP = '7 Start-up';
const REPEATS = 3;
const START_TIMEOUT_MS = 30_000;

/** Spawns a process and resolves with the ms until its output matches `ready`; then stops it. */
export async function timeToLine(args, ready = /UI: +(\S+)/) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  try {
    return await withTimeout(
      new Promise((resolve, reject) => {
        const onData = (chunk) => {
          out += chunk;
          if (ready.test(out)) resolve(performance.now() - started);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        exited.then((code) => reject(new Error(`exited with ${code} before it was ready: ${out.trim()}`)));
      }),
      START_TIMEOUT_MS,
      `not ready after ${START_TIMEOUT_MS / 1000} s: ${out.trim()}`,
    );
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await withTimeout(exited, 15_000, 'did not stop').catch(() => child.kill('SIGKILL'));
  }
}

async function repeat(label, makeArgs) {
  const times = [];
  for (let i = 0; i < REPEATS; i++) times.push(await timeToLine(makeArgs(i)));
  return { label, medianMs: median(times), times };
}

export async function startupStep(ctx) {
  const { report, tmp, root } = ctx;
  const cli = join(root, 'dist/cli/hookbench.js');
  const serveArgs = (dir) => [cli, 'serve', '--port', '0', '--ui-port', '0', '--data', dir];
  const results = {};
  ctx.results.startup = results;

  const floor = await repeat('node -e', () => ['-e', "process.stdout.write('UI: ready\\n')"]);
  results.nodeFloor = floor;
  report.add(STEP, 'floor: start Node 24 and print a line', fmt.ms(floor.medianMs), {
    ratio: '1.00× (floor)',
  });

  const empty = await repeat('empty', () => serveArgs(mkdtempSync(join(tmp, 'startup-empty-'))));
  results.empty = empty;
  report.add(
    STEP,
    `hookbench serve → "UI:" line, empty data folder (median of ${REPEATS})`,
    fmt.ms(empty.medianMs),
    {
      ratio: `${fmt.ratio(empty.medianMs / floor.medianMs)} node`,
    },
  );

  const store = ctx.shared.store;
  if (!store) {
    report.fail(STEP, 'hookbench serve with the step-3 store', 'skipped: step 3 (store) did not run');
    return;
  }
  const dir = join(tmp, 'startup-store');
  mkdirSync(dir, { recursive: true });
  copyFileSync(store.file, join(dir, basename(store.file)));
  const full = await repeat('store', () => serveArgs(dir));
  results.store = { ...full, captures: store.count };
  report.add(
    STEP,
    `hookbench serve → "UI:" line, ${fmt.int(store.count)} captures (median of ${REPEATS})`,
    fmt.ms(full.medianMs),
    {
      ratio: `${fmt.ratio(full.medianMs / floor.medianMs)} node · ${fmt.ratio(full.medianMs / empty.medianMs)} empty`,
    },
  );
}
