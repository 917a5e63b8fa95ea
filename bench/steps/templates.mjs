/**
 * Step 5: renders per second of seed 002's six-field WebHook body: Hookbench's json-safe
 * engine against plain precompiled Handlebars with noEscape (the floor: no JSON awareness).
 */
import Handlebars from 'handlebars';
import { SEED_WEBHOOK_DATA, SEED_WEBHOOK_TEMPLATE } from '../lib/payloads.mjs';
import { fmt } from '../lib/report.mjs';

const STEP = '5 Templates';
const WARMUP_MS = 500;
const WINDOW_MS = 2000;
const MAX_RENDERS = 5_000_000;

/** Renders per second of `render`, in a loop bounded by time and by count. */
function rendersPerSecond(render) {
  let sink = 0;
  const loop = (ms) => {
    const start = performance.now();
    let n = 0;
    let now = start;
    while (now - start < ms && n < MAX_RENDERS) {
      for (let i = 0; i < 200; i++) sink += render().length;
      n += 200;
      now = performance.now();
    }
    return { n, ms: now - start };
  };
  loop(WARMUP_MS);
  const { n, ms } = loop(WINDOW_MS);
  if (sink === 0) throw new Error('rendered nothing');
  return (n * 1000) / ms;
}

export async function templatesStep(ctx) {
  const { compileTemplate } = await import(`${ctx.buildDir}/templates.mjs`);
  const { report } = ctx;
  const data = SEED_WEBHOOK_DATA;

  const floorTemplate = Handlebars.create().compile(SEED_WEBHOOK_TEMPLATE, { noEscape: true });
  const jsonSafe = compileTemplate(SEED_WEBHOOK_TEMPLATE, { mode: 'json-safe' });
  const raw = compileTemplate(SEED_WEBHOOK_TEMPLATE, { mode: 'raw' });
  const floorOut = floorTemplate(data);
  const safeOut = jsonSafe.render(data);
  const sameOutput = JSON.stringify(JSON.parse(floorOut)) === JSON.stringify(JSON.parse(safeOut.output));
  if (safeOut.problems.length) throw new Error(`json-safe render reported ${safeOut.problems[0].message}`);

  const floor = rendersPerSecond(() => floorTemplate(data));
  const safe = rendersPerSecond(() => jsonSafe.render(data).output);
  const rawRate = rendersPerSecond(() => raw.render(data).output);
  ctx.results.templates = { floor, jsonSafe: safe, raw: rawRate, sameOutput, windowMs: WINDOW_MS };

  report.add(
    STEP,
    'seed 002 body · plain Handlebars, noEscape, precompiled (the floor)',
    `${fmt.int(floor)} renders/s`,
    {
      ratio: '1.00× (floor)',
    },
  );
  const ratio = safe / floor;
  report.add(
    STEP,
    `seed 002 body · Hookbench json-safe${sameOutput ? '' : ' (output differs from the floor!)'}`,
    `${fmt.int(safe)} renders/s`,
    { ratio: `${fmt.ratio(ratio)} floor`, goal: { text: '≥ 0.50× floor', met: ratio >= 0.5 } },
  );
  report.add(STEP, 'seed 002 body · Hookbench raw (platform-compatible)', `${fmt.int(rawRate)} renders/s`, {
    ratio: `${fmt.ratio(rawRate / floor)} floor`,
  });
}
