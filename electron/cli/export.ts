import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { STORE_FILE_NAME } from '../core/index';
import { CaptureStore } from '../core/store/capture-store';
import { CliError, EXIT_OK } from './usage-error';

export const EXPORT_USAGE = `hookbench export --data DIR --format ndjson [--out FILE]

Writes every capture, oldest first, one JSON object a line: id, receivedAt, method, path,
headers ([name, value] pairs as received), bodyBase64 (the exact bytes), remoteAddress,
response (status, headers, bodyBase64). Without --out it writes to standard output.`;

const FORMATS = new Set(['ndjson']);

export async function exportCaptures(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  if (!values.data) throw new CliError('export needs --data DIR, the data folder to read.');
  const format = values.format ?? 'ndjson';
  if (!FORMATS.has(format))
    throw new CliError(`Unknown format "${format}"; choose one of: ${[...FORMATS].join(', ')}.`);
  const file = join(resolve(values.data), STORE_FILE_NAME);
  if (!existsSync(file))
    throw new CliError(`No capture store in ${resolve(values.data)} (expected ${STORE_FILE_NAME}).`);

  let store: CaptureStore;
  try {
    store = new CaptureStore(file);
  } catch (error) {
    throw new CliError(`Cannot read the capture store ${file}: ${(error as Error).message}`);
  }
  const out: Writable = values.out ? createWriteStream(resolve(values.out)) : process.stdout;
  try {
    for (const capture of store.iterateOldestFirst()) {
      const { id, receivedAt, method, path, httpVersion, headers, bodyBase64, bodySize, truncated } = capture;
      const line = JSON.stringify({
        id,
        receivedAt,
        method,
        path,
        httpVersion,
        headers,
        bodyBase64,
        bodySize,
        truncated,
        declaredBodySize: capture.declaredBodySize,
        contentType: capture.contentType,
        remoteAddress: capture.remoteAddress,
        remotePort: capture.remotePort,
        response: capture.response,
      });
      // Respect back-pressure so a large store streams instead of piling up in memory.
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
  } finally {
    store.close();
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
  return EXIT_OK;
}
