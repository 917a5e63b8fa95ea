import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { capturesToHar, DEFAULT_REDACTED_HEADERS } from '../core/exchange/har';
import { captureToNdjson } from '../core/exchange/ndjson';
import { STORE_FILE_NAME } from '../core/index';
import { CaptureStore } from '../core/store/capture-store';
import { parseFilterOrThrow } from '../core/store/parse-filter';
import { CliError, EXIT_OK } from './usage-error';

export const EXPORT_USAGE = `hookbench export --data DIR [--format ndjson|har] [--out FILE] [--filter EXPR] [--redact NAMES]

Writes captures, oldest first. ndjson (default): one JSON object a line with id, receivedAt,
method, path, headers ([name, value] pairs as received), bodyBase64 (the exact bytes),
remoteAddress and response (status, headers, bodyBase64). har: an HTTP Archive 1.2 file
(exact bytes in each entry's _bodyBase64), with the headers named by --redact hidden
(default: authorization,cookie; --redact "" hides none).
  --filter EXPR  only matching captures, e.g. 'kind:sms-status-batch status:2xx'
Without --out it writes to standard output.`;

const FORMATS = new Set(['ndjson', 'har']);

export async function exportCaptures(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      filter: { type: 'string' },
      redact: { type: 'string' },
    },
    strict: true,
  });
  if (!values.data) throw new CliError('export needs --data DIR, the data folder to read.');
  const format = values.format ?? 'ndjson';
  if (!FORMATS.has(format))
    throw new CliError(`Unknown format "${format}"; choose one of: ${[...FORMATS].join(', ')}.`);
  const file = join(resolve(values.data), STORE_FILE_NAME);
  if (!existsSync(file))
    throw new CliError(`No capture store in ${resolve(values.data)} (expected ${STORE_FILE_NAME}).`);
  let filter: ReturnType<typeof parseFilterOrThrow>;
  try {
    filter = parseFilterOrThrow(values.filter);
  } catch (error) {
    throw new CliError((error as Error).message);
  }

  let store: CaptureStore;
  try {
    store = new CaptureStore(file);
  } catch (error) {
    throw new CliError(`Cannot read the capture store ${file}: ${(error as Error).message}`);
  }
  const out: Writable = values.out ? createWriteStream(resolve(values.out)) : process.stdout;
  try {
    const wanted = Object.keys(filter).length > 0 ? new Set(store.idsMatching(filter)) : null;
    const captures = (function* () {
      for (const capture of store.iterateOldestFirst())
        if (wanted === null || wanted.has(capture.id)) yield capture;
    })();
    if (format === 'har') {
      const redact =
        values.redact === undefined ? DEFAULT_REDACTED_HEADERS : values.redact.split(',').filter(Boolean);
      await write(out, `${JSON.stringify(capturesToHar(captures, redact), null, 2)}\n`);
    } else {
      for (const capture of captures) await write(out, `${captureToNdjson(capture)}\n`);
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

/** Respects back-pressure so a large store streams instead of piling up in memory. */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
