/**
 * What storing one 300 B capture costs the thread that answers, with nothing else running: the
 * store's own group commit (CaptureStore.insertMany, 32 captures a transaction — the average
 * live commit under load), the same without the two secondary indexes every capture updates
 * (kind, received_at), and appending the same captures to a plain file as packed records (what
 * a journal in front of SQLite would cost the answering thread; SQLite's work then moves to
 * another thread). CPU µs per capture, user + system. Not part of `npm run bench`.
 *
 *   node bench/tools/store-write-cost.mjs [--captures 100000] [--no-build]
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { buildCore } from '../lib/build-core.mjs';
import { reverseCapture } from '../lib/payloads.mjs';

const { values } = parseArgs({
  options: {
    captures: { type: 'string', default: '100000' },
    'no-build': { type: 'boolean', default: false },
  },
});
const COUNT = Number(values.captures);
const PER_COMMIT = 32;
const root = join(import.meta.dirname, '../..');
const buildDir = join(root, 'bench/.build');
if (!values['no-build']) await buildCore(root, buildDir);
const { CaptureStore } = await import(join(buildDir, 'store.mjs'));

const startAt = Date.now();
const batches = [];
for (let i = 0; i < COUNT; i += PER_COMMIT)
  batches.push(
    Array.from({ length: Math.min(PER_COMMIT, COUNT - i) }, (_, j) => reverseCapture(i + j, startAt)),
  );

function cpuPerCapture(work) {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / COUNT;
}

function storeCost(dropIndexes) {
  const dir = mkdtempSync(join(tmpdir(), 'hookbench-write-cost-'));
  const file = join(dir, 'captures.sqlite');
  if (dropIndexes) {
    // Created by the store's migrations, then dropped: a store opened again does not add them back.
    new CaptureStore(file).close();
    const db = new DatabaseSync(file);
    db.exec('DROP INDEX captures_kind; DROP INDEX captures_received_at');
    db.close();
  }
  const store = new CaptureStore(file);
  try {
    return cpuPerCapture(() => {
      for (const batch of batches) store.insertMany(batch);
    });
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each batch packed as [lengths][JSON of the row's fields][request body][response body] and written once. */
function journalCost() {
  const dir = mkdtempSync(join(tmpdir(), 'hookbench-write-cost-'));
  const fd = openSync(join(dir, 'captures.journal'), 'w');
  let buffer = Buffer.allocUnsafe(1 << 20);
  try {
    return cpuPerCapture(() => {
      for (const batch of batches) {
        let at = 0;
        for (const c of batch) {
          const meta = JSON.stringify([
            c.receivedAt,
            c.method,
            c.path,
            c.httpVersion,
            c.headers,
            c.remoteAddress,
            c.remotePort,
            c.response.status,
            c.response.headers,
            c.kind,
            c.valid,
            c.findings,
            c.origin,
            c.bucket,
          ]);
          const need = at + 12 + meta.length * 3 + c.body.length + c.response.body.length;
          if (need > buffer.length) {
            const grown = Buffer.allocUnsafe(need * 2);
            buffer.copy(grown, 0, 0, at);
            buffer = grown;
          }
          const metaBytes = buffer.write(meta, at + 12);
          buffer.writeUInt32LE(metaBytes, at);
          buffer.writeUInt32LE(c.body.length, at + 4);
          buffer.writeUInt32LE(c.response.body.length, at + 8);
          at += 12 + metaBytes;
          at += c.body.copy(buffer, at);
          at += c.response.body.copy(buffer, at);
        }
        writeSync(fd, buffer, 0, at);
      }
    });
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

const rounds = { store: [], storeWithoutIndexes: [], journal: [] };
for (let round = 0; round < 3; round++) {
  rounds.store.push(storeCost(false));
  rounds.storeWithoutIndexes.push(storeCost(true));
  rounds.journal.push(journalCost());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[1];
const show = (label, xs) =>
  console.log(
    `${label.padEnd(52)} ${median(xs).toFixed(2)} µs  (rounds ${xs.map((x) => x.toFixed(2)).join(' / ')})`,
  );
console.log(
  `${COUNT} captures of ${batches[0][0].body.length} B, ${PER_COMMIT} per commit; CPU per capture, median of 3`,
);
show('CaptureStore.insertMany', rounds.store);
show('  without the kind and received_at indexes', rounds.storeWithoutIndexes);
show('packed records appended to a file (a journal)', rounds.journal);
