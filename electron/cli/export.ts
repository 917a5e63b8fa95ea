import { parseArgs } from 'node:util';
import type { CaptureDetail, HeaderPair } from '../../shared/domain';
import { capturesToHar, DEFAULT_REDACTED_HEADERS, REDACTED } from '../core/exchange/har';
import { captureToNdjson } from '../core/exchange/ndjson';
import { parseFilterOrThrow } from '../core/store/parse-filter';
import { dataFolder, openStoreToRead } from './data-folder';
import { fileSink, type Sink, stdoutSink } from './export-sink';
import { CliError, EXIT_OK } from './usage-error';

export const EXPORT_USAGE = `hookbench export --data DIR [--format ndjson|har] [--out FILE [--force]] [--filter EXPR] [--redact NAMES]

Writes captures, oldest first. ndjson (default): one JSON object a line with id, receivedAt,
method, path, headers ([name, value] pairs as received), bodyBase64 (the exact bytes),
remoteAddress and response (status, headers, bodyBase64). har: an HTTP Archive 1.2 file
(exact bytes in each entry's _bodyBase64).
  --out FILE     write to FILE instead of standard output; it appears only once complete.
                 An existing FILE is replaced only with --force; a file of the data folder never.
  --filter EXPR  only matching captures, e.g. 'kind:sms-status-batch status:2xx'
  --redact NAMES hide the values of these headers (comma-separated), in both formats.
                 har hides authorization, proxy-authorization, cookie and set-cookie unless told
                 otherwise (--redact "" hides none); ndjson keeps every header as received unless
                 --redact is given.`;

const FORMATS = new Set(['ndjson', 'har']);

function redactHeaders(headers: readonly HeaderPair[], hidden: ReadonlySet<string>): HeaderPair[] {
  return headers.map(([name, value]) => [name, hidden.has(name.toLowerCase()) ? REDACTED : value]);
}

function redacted(capture: CaptureDetail, hidden: ReadonlySet<string>): CaptureDetail {
  if (hidden.size === 0) return capture;
  return {
    ...capture,
    headers: redactHeaders(capture.headers, hidden),
    response: { ...capture.response, headers: redactHeaders(capture.response.headers, hidden) },
  };
}

export async function exportCaptures(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      filter: { type: 'string' },
      redact: { type: 'string' },
    },
    strict: true,
  });
  if (!values.data) throw new CliError('export needs --data DIR, the data folder to read.');
  const format = values.format ?? 'ndjson';
  if (!FORMATS.has(format))
    throw new CliError(`Unknown format "${format}"; choose one of: ${[...FORMATS].join(', ')}.`);
  if (values.force && values.out === undefined)
    throw new CliError('--force only applies with --out FILE (the file it may replace).');
  const dataDir = dataFolder(values.data);
  let filter: ReturnType<typeof parseFilterOrThrow>;
  try {
    filter = parseFilterOrThrow(values.filter);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const redact =
    values.redact !== undefined
      ? values.redact.split(',').map((name) => name.trim())
      : format === 'har'
        ? DEFAULT_REDACTED_HEADERS
        : [];
  const hidden = new Set(redact.filter(Boolean).map((name) => name.toLowerCase()));

  const store = openStoreToRead(dataDir);
  let sink: Sink;
  try {
    sink = values.out ? await fileSink(values.out, { force: values.force === true, dataDir }) : stdoutSink;
  } catch (error) {
    store.close();
    throw error;
  }
  try {
    const wanted = Object.keys(filter).length > 0 ? new Set(store.idsMatching(filter)) : null;
    const captures = (function* () {
      for (const capture of store.iterateOldestFirst())
        if (wanted === null || wanted.has(capture.id)) yield capture;
    })();
    if (format === 'har') {
      await sink.write(`${JSON.stringify(capturesToHar(captures, [...hidden]), null, 2)}\n`);
    } else {
      for (const capture of captures) {
        if (!sink.open) break;
        await sink.write(`${captureToNdjson(redacted(capture, hidden))}\n`);
      }
    }
    await sink.finish();
  } catch (error) {
    await sink.abandon();
    throw error;
  } finally {
    store.close();
  }
  return EXIT_OK;
}
