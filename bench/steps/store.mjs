/**
 * Step 3: the capture store at scale. Inserts synthetic captures straight through
 * CaptureStore.insertMany, then measures disk per capture and the queries the UI runs,
 * against a plain `SELECT count(*)` scan of the same file as the floor.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { prng, smallCapture, syntheticCapture } from '../lib/payloads.mjs';
import { fmt, median } from '../lib/report.mjs';

const STEP = '3 Store at scale';
const BATCH = 1000;
const SMALL_COUNT = 20_000;
const INSERT_TIME_LIMIT_MS = 180_000;
const QUERY_REPEATS = 5;
export const NEEDLE = 'needle-7f3a9c';
const NEEDLE_EVERY = 5000;

/** File size including any WAL left beside it. */
function diskSize(file) {
  const wal = `${file}-wal`;
  return statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0);
}

/** Fills a new store with `count` captures from `make`; bounded by count and by time. */
function fill(CaptureStore, file, count, make) {
  const store = new CaptureStore(file);
  let requestBytes = 0;
  let responseBytes = 0;
  let insertMs = 0;
  let inserted = 0;
  const started = performance.now();
  const sizes = { small: 0, medium: 0, large: 0 };
  const kinds = {};
  while (inserted < count && performance.now() - started < INSERT_TIME_LIMIT_MS) {
    const batch = [];
    for (let j = 0; j < BATCH && inserted + j < count; j++) {
      const capture = make(inserted + j);
      requestBytes += capture.body.length;
      responseBytes += capture.response.body.length;
      const size = capture.body.length;
      if (size < 1024) sizes.small++;
      else if (size < 50 * 1024) sizes.medium++;
      else sizes.large++;
      kinds[capture.kind ?? 'none'] = (kinds[capture.kind ?? 'none'] ?? 0) + 1;
      batch.push(capture);
    }
    const t = performance.now();
    store.insertMany(batch);
    insertMs += performance.now() - t;
    inserted += batch.length;
  }
  // close() folds the WAL back (wal_checkpoint(TRUNCATE)), as the app does when it quits.
  store.close();
  return { inserted, requestBytes, responseBytes, insertMs, sizes, kinds, bytes: diskSize(file) };
}

/** Runs `fn` several times; the median, the first (coldest) and the value it returned. */
function timed(fn) {
  const times = [];
  let value;
  for (let i = 0; i < QUERY_REPEATS; i++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  return { medianMs: median(times), firstMs: times[0], times, value };
}

export async function storeStep(ctx) {
  const { CaptureStore } = await import(`${ctx.buildDir}/store.mjs`);
  const { parseFilter } = await import(`${ctx.buildDir}/filter.mjs`);
  const { STORE_FILE_NAME } = await import(`${ctx.buildDir}/core.mjs`);
  const { report, config, tmp } = ctx;
  const startAt = Date.parse('2026-11-01T00:00:00Z');

  // The mixed store: the one the queries, the UI and the start-up figures use.
  const dir = join(tmp, 'store-mixed');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, STORE_FILE_NAME);
  const random = prng(42);
  const mixed = fill(CaptureStore, file, config.captures, (i) =>
    syntheticCapture(i, random, { needle: NEEDLE, needleEvery: NEEDLE_EVERY, startAt }),
  );
  ctx.shared.store = { dir, file, count: mixed.inserted, oldestId: 1 };

  // Small captures only, for the overhead a typical ~300 B webhook costs beyond its body.
  const smallFile = join(tmp, 'store-small.sqlite');
  const smallRandom = prng(7);
  const small = fill(CaptureStore, smallFile, SMALL_COUNT, (i) => smallCapture(i, smallRandom, startAt));

  const count = mixed.inserted;
  const perCapture = mixed.bytes / count;
  const overhead = (mixed.bytes - mixed.requestBytes) / count;
  const smallOverhead = (small.bytes - small.requestBytes) / small.inserted;
  const insertRate = (count * 1000) / mixed.insertMs;
  const results = {
    mixed: { ...mixed, perCapture, overheadPerCapture: overhead },
    small: { ...small, overheadPerCapture: smallOverhead },
  };
  ctx.results.store = results;

  const countNote = count < config.captures ? ` (time limit: only ${fmt.int(count)} inserted)` : '';
  report.add(
    STEP,
    `insert ${fmt.int(count)} captures, insertMany in batches of ${BATCH}${countNote}`,
    `${fmt.int(insertRate)} captures/s (${(mixed.insertMs / 1000).toFixed(1)} s)`,
  );
  report.add(
    STEP,
    `disk: ${fmt.int(mixed.sizes.small)} ~300 B + ${fmt.int(mixed.sizes.medium)} 5 KB + ${fmt.int(mixed.sizes.large)} 100 KB bodies`,
    `${fmt.bytes(mixed.bytes)} = ${fmt.bytes(perCapture)}/capture, ${fmt.bytes(overhead)} beyond the body`,
    { ratio: `${fmt.ratio(mixed.bytes / mixed.requestBytes)} body bytes` },
  );
  report.add(
    STEP,
    `disk per small capture beyond its body (${fmt.int(small.inserted)} ~${fmt.int(small.requestBytes / small.inserted)} B captures; headers, response, row)`,
    fmt.bytes(smallOverhead),
    {
      ratio: `${fmt.ratio(small.bytes / small.requestBytes)} body bytes`,
      goal: { text: '< 2 KB', met: smallOverhead < 2048 },
    },
  );

  // Queries, on a freshly opened store (the OS cache is warm: the file was just written).
  const openStarted = performance.now();
  const store = new CaptureStore(file);
  const openMs = performance.now() - openStarted;
  const readOnly = new DatabaseSync(file, { readOnly: true });
  try {
    const floor = timed(() => readOnly.prepare('SELECT count(*) AS n FROM captures').get().n);
    const needleBytes = Buffer.from(NEEDLE);
    const rawSearch = timed(
      () =>
        readOnly
          .prepare('SELECT count(*) AS n FROM capture_bodies WHERE instr(request, ?) > 0')
          .get(needleBytes).n,
    );
    const newest = timed(() => store.page({ limit: 200 }));
    const search = timed(() => store.page({ limit: 200, filter: parseFilter(`body:"${NEEDLE}"`) }));
    const json = timed(() => store.page({ limit: 200, filter: parseFilter('$.campaign_name="RND Flow"') }));
    const kind = timed(() => store.page({ limit: 200, filter: parseFilter('kind:sms-status-batch') }));
    results.queries = {
      openMs,
      floorCountStar: { ...floor, value: floor.value },
      rawInstrScan: rawSearch,
      newestPage: { ...newest, value: newest.value.items.length },
      bodySearch: { ...search, value: search.value.matched },
      jsonPath: { ...json, value: json.value.matched },
      kindCount: { ...kind, value: kind.value.matched },
    };
    const vsFloor = (t) => `${fmt.ratio(t.medianMs / floor.medianMs)} count(*)`;
    const timeText = (t) => `${fmt.ms(t.medianMs)} (first ${fmt.ms(t.firstMs)})`;
    report.add(
      STEP,
      `floor: SELECT count(*) FROM captures (read-only connection, ${fmt.int(floor.value)} rows)`,
      timeText(floor),
      {
        ratio: '1.00× (floor)',
      },
    );
    report.add(STEP, 'open the store (migrations check + count)', fmt.ms(openMs));
    report.add(STEP, 'newest page: page({limit: 200})', timeText(newest), { ratio: vsFloor(newest) });
    report.add(
      STEP,
      `body text search body:"${NEEDLE}" (${fmt.int(search.value.matched)} matches; page + matched count)`,
      timeText(search),
      {
        ratio: `${vsFloor(search)} · ${fmt.ratio(search.medianMs / rawSearch.medianMs)} one raw instr() scan (${fmt.ms(rawSearch.medianMs)})`,
        goal: { text: '< 300 ms', met: search.medianMs < 300 },
      },
    );
    report.add(
      STEP,
      `JSON-path filter $.campaign_name="RND Flow" (${fmt.int(json.value.matched)} matches)`,
      timeText(json),
      { ratio: vsFloor(json) },
    );
    report.add(
      STEP,
      `count by kind kind:sms-status-batch → matched ${fmt.int(kind.value.matched)}`,
      timeText(kind),
      { ratio: vsFloor(kind) },
    );
  } finally {
    readOnly.close();
    store.close();
  }
}
