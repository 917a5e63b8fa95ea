import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BulkReplayRequest } from '../../shared/replay';
import { closeHttpAgents } from '../core/http/index';
import { CoreError, REPLAY_STORE_FILE_NAME, STORE_FILE_NAME } from '../core/index';
import { ReplayService } from '../core/replay/replay-service';
import { ReplayStore } from '../core/replay/replay-store';
import { parseBulk } from '../core/replay/validate';
import { CaptureStore } from '../core/store/capture-store';
import { CliError, EXIT_FAILED, EXIT_OK } from './usage-error';

export const REPLAY_USAGE = `hookbench replay --data DIR (--id ID... | --all | --filter EXPR) --to URL [--concurrency N] [--rate N]

Sends captured requests again to URL, a base URL: the captured path and query are appended
to its path (--to http://127.0.0.1:3000/api + /hook/a?x=1 → /api/hook/a?x=1). Method, headers
and exact body bytes are kept; Host, Content-Length, Connection and Transfer-Encoding are set
anew. Prints one line per request and a summary; exits 1 when any replay got a non-2xx
answer or a network error, so it can gate a CI job.
  --id ID         a capture id (repeat for several)
  --all           every capture, oldest first
  --filter EXPR   captures matching a filter, e.g. 'kind:sms-status-batch status:2xx'
  --concurrency N requests in flight at once (default 1: one after another, in order)
  --rate N        requests per second at most
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
  const storeFile = join(resolve(values.data), STORE_FILE_NAME);
  if (!existsSync(storeFile))
    throw new CliError(`No capture store in ${resolve(values.data)} (expected ${STORE_FILE_NAME}).`);
  const ids = values.id?.map((text) => {
    if (!/^\d+$/.test(text)) throw new CliError(`--id takes a capture id (a number), not "${text}".`);
    return Number(text);
  });
  const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
  const rate = values.rate === undefined ? null : Number(values.rate);
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
  const captures = new CaptureStore(storeFile);
  const replays = new ReplayStore(join(resolve(values.data), REPLAY_STORE_FILE_NAME));
  try {
    const service = new ReplayService(captures, replays);
    let progress: Awaited<ReturnType<ReplayService['run']>>;
    try {
      progress = await service.run(request, undefined, (record) => {
        const { exchange } = record;
        const outcome = exchange.response
          ? `${exchange.response.status}`
          : `error: ${exchange.error?.message ?? 'no answer'}`;
        process.stdout.write(
          `#${record.captureId} ${exchange.request.method} ${exchange.request.url} → ${outcome} (${Math.round(exchange.timings.totalMs)} ms)\n`,
        );
      });
    } catch (error) {
      if (error instanceof CoreError) throw new CliError(error.message);
      throw error;
    }
    process.stdout.write(
      `${progress.sent} replayed: ${progress.ok} 2xx, ${progress.non2xx} non-2xx, ${progress.errors} network errors.\n`,
    );
    if (progress.total === 0) process.stdout.write('No capture matched.\n');
    return progress.non2xx + progress.errors > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    captures.close();
    await replays.close();
    await closeHttpAgents();
  }
}
