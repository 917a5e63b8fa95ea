import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BulkReplayRequest } from '../../shared/replay';
import { closeHttpAgents, shownUrl } from '../core/http/index';
import { CoreError, REPLAY_STORE_FILE_NAME } from '../core/index';
import { ReplayService } from '../core/replay/replay-service';
import { ReplayStore } from '../core/replay/replay-store';
import { parseBulk } from '../core/replay/validate';
import type { CaptureStore } from '../core/store/capture-store';
import { dataFolder, openStoreToRead, stderrLogger } from './data-folder';
import { stopOnSignal } from './interrupt';
import { decimal, RATE_RANGE, wholeNumber } from './options';
import { print } from './output';
import { CliError, EXIT_FAILED, EXIT_OK } from './usage-error';

export const REPLAY_USAGE = `hookbench replay --data DIR (--id ID... | --all | --filter EXPR) --to URL [--concurrency N] [--rate N]

Sends captured requests again to URL, a base URL: the captured path and query are appended
to its path (--to http://127.0.0.1:3000/api + /hook/a?x=1 → /api/hook/a?x=1). Method, headers
and exact body bytes are kept; Host, Content-Length, Connection (and the headers it names) and
Transfer-Encoding are set anew. Prints one line per request and a summary; exits 1 when any
replay got a non-2xx answer or a network error, so it can gate a CI job. Ctrl-C stops new
sends, waits for those in flight and prints the summary (exit 130); a second one stops at once.
  --id ID         a capture id (repeat for several)
  --all           every capture, oldest first
  --filter EXPR   captures matching a filter, e.g. 'kind:sms-status-batch status:2xx'
  --concurrency N requests in flight at once, 1 to 500 (default 1: one after another, in order)
  --rate N        requests per second at most, 0.001 to 100000
  --insecure      do not verify the target's TLS certificate`;

export async function replay(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      filter: { type: 'string' },
      to: { type: 'string' },
      concurrency: { type: 'string' },
      rate: { type: 'string' },
      insecure: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.data) throw new CliError('replay needs --data DIR, the data folder holding the captures.');
  if (!values.to) throw new CliError('replay needs --to URL, where to send the requests.');
  const chosen = [
    values.id ? 'id' : null,
    values.all ? 'all' : null,
    values.filter !== undefined ? 'filter' : null,
  ].filter(Boolean);
  if (chosen.length !== 1)
    throw new CliError('replay needs exactly one of --id ID…, --all or --filter EXPR.');
  const ids = values.id?.map((text) => {
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
      throw new CliError(`--id takes a capture id (a whole number), not "${text}".`);
    return Number(text);
  });
  const concurrency = wholeNumber(values.concurrency, '--concurrency', { min: 1, max: 500 }, 1);
  const rate = values.rate === undefined ? null : decimal(values.rate, '--rate', RATE_RANGE, 0);
  let request: BulkReplayRequest;
  try {
    request = parseBulk({
      targetUrl: values.to,
      rebase: true,
      verifyTls: values.insecure !== true,
      ...(ids ? { ids } : {}),
      ...(values.filter !== undefined ? { filter: values.filter } : {}),
      keepOrder: concurrency === 1,
      concurrency,
      ratePerSecond: rate,
      stopOnFailure: false,
    });
  } catch (error) {
    if (error instanceof CoreError) throw new CliError(error.message);
    throw error;
  }

  // The stores directly, not the whole core: a replay must not start a receiver or touch the workspace.
  const dataDir = dataFolder(values.data);
  const captures = openStoreToRead(dataDir);
  let replays: ReplayStore;
  try {
    if (ids) refuseMissing(captures, ids, dataDir);
    replays = openReplayStore(dataDir);
  } catch (error) {
    captures.close();
    throw error;
  }
  try {
    const service = new ReplayService(captures, replays);
    const batchId = randomUUID();
    const interrupt = stopOnSignal(() => {
      try {
        service.cancel(batchId);
      } catch {
        // Not running (yet, or any more): nothing to stop.
      }
    });
    let progress: Awaited<ReturnType<ReplayService['run']>>;
    try {
      progress = await service.run(request, batchId, (record) => {
        const { exchange } = record;
        const outcome = exchange.response
          ? `${exchange.response.status}`
          : `error: ${exchange.error?.message ?? 'no answer'}`;
        print(
          `#${record.captureId} ${exchange.request.method} ${shownUrl(exchange.request.url)} → ${outcome} (${Math.round(exchange.timings.totalMs)} ms)\n`,
        );
      });
    } catch (error) {
      if (error instanceof CoreError) throw new CliError(error.message);
      throw error;
    } finally {
      interrupt.dispose();
    }
    print(
      `${progress.sent} replayed: ${progress.ok} 2xx, ${progress.non2xx} non-2xx, ${progress.errors} network errors.\n`,
    );
    if (progress.total === 0) print('No capture matched.\n');
    const signal = interrupt.stoppedBy();
    if (signal !== null) {
      print(`Stopped by ${signal}: ${progress.total - progress.sent} of ${progress.total} not replayed.\n`);
      return interrupt.exitCode();
    }
    return progress.non2xx + progress.errors > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    captures.close();
    await replays.close();
    await closeHttpAgents();
  }
}

/** Ids the user named that are not captures: bad input, refused before anything is sent. */
function refuseMissing(captures: CaptureStore, ids: readonly number[], dataDir: string): void {
  const missing = new Set<number>();
  for (let at = 0; at < ids.length; at += 256) {
    const page = ids.slice(at, at + 256);
    const found = captures.requests(page);
    for (const id of page) if (!found.has(id)) missing.add(id);
  }
  if (missing.size === 0) return;
  const list = [...missing].join(', ');
  throw new CliError(
    `${missing.size === 1 ? `No capture has id ${list}` : `No captures have ids ${list}`} in ${dataDir}; nothing was replayed.`,
  );
}

function openReplayStore(dataDir: string): ReplayStore {
  const file = join(dataDir, REPLAY_STORE_FILE_NAME);
  try {
    return new ReplayStore(file, stderrLogger.warn);
  } catch (error) {
    throw new CliError(
      `Cannot store replay results in ${file}: ${(error as Error).message}. Move that file out of the data folder (Hookbench starts a new one) and run again.`,
    );
  }
}
