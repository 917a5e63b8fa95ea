import { parseArgs } from 'node:util';
import { headerValueProblem } from '../../shared/headers';
import { SIMULATION_LIMITS, smsIdProblem } from '../../shared/replay';
import { SMS_STATES } from '../../shared/rules';
import { closeHttpAgents } from '../core/http/index';
import { CoreError } from '../core/index';
import { httpUrl } from '../core/replay/validate';
import { simulateReverse } from '../core/simulate/reverse';
import { simulateSdk } from '../core/simulate/sdk';
import { simulateSmsStatus } from '../core/simulate/sms-status';
import { stopOnSignal } from './interrupt';
import { printLoadReport } from './load-report';
import { decimal, RATE_RANGE, TIMEOUT_RANGE, wholeNumber } from './options';
import { print } from './output';
import { CliError, EXIT_FAILED, EXIT_OK } from './usage-error';

export const SIMULATE_USAGE = `hookbench simulate sms-status --to URL --ids 1,2,3 [--state deliver] [--attempts 5] [--interval-ms 1000]
hookbench simulate reverse --to URL [--count N] [--rate R] [--method POST|GET]
hookbench simulate sdk --to URL [--type SMS|PUSH] [--count N] [--token TOKEN]
Each kind also takes --timeout-ms MS per request (1 to 600000, default 10000) and --insecure (accept
self-signed and otherwise untrusted certificates), and no other flags. Ctrl-C stops new sends,
waits for those in flight and prints the report so far (exit 130); a second one stops at once.

Plays a sender from the platform documentation against your endpoint.
  sms-status  the SMS gateway: posts [{"id_sms","time","state"}] and re-sends every status whose
              id_sms your answer does not acknowledge, up to --attempts in all. One line per id;
              exits 1 when an id was never acknowledged. --ids are whole numbers (id_sms is an
              Int); --state is one of ${SMS_STATES.join(', ')}; --attempts 1 to 100;
              --interval-ms 0 to 86400000 between attempts.
  reverse     the CRM platform's reverse integration: --count calls (1 to 1000000) at --rate per
              second (0.001 to 100000, default 10), POST JSON or GET query; prints the status
              counts and latency percentiles; exits 1 on any non-2xx or network error.
  sdk         the messaging SDK: posts --count (1 to 10000) SMS or PUSH notifications and reads
              status_code; exits 1 when an answer is outside the documented model or not 000/001.`;

/** The flags each kind reads; any other is refused rather than silently ignored. */
const KIND_FLAGS: Record<string, readonly string[]> = {
  'sms-status': ['to', 'ids', 'state', 'attempts', 'interval-ms', 'timeout-ms', 'insecure'],
  reverse: ['to', 'count', 'rate', 'method', 'timeout-ms', 'insecure'],
  sdk: ['to', 'type', 'count', 'token', 'timeout-ms', 'insecure'],
};

function refuseForeignFlags(kind: string, values: Record<string, unknown>): void {
  const foreign = Object.keys(values)
    .filter((flag) => values[flag] !== undefined && !KIND_FLAGS[kind]?.includes(flag))
    .map((flag) => {
      const kinds = Object.keys(KIND_FLAGS).filter((k) => KIND_FLAGS[k]?.includes(flag));
      return `--${flag} (for ${kinds.join(' and ')})`;
    });
  if (foreign.length === 0) return;
  const list = foreign.length === 1 ? foreign[0] : `${foreign.slice(0, -1).join(', ')} and ${foreign.at(-1)}`;
  throw new CliError(`${list} ${foreign.length === 1 ? 'does' : 'do'} not apply to simulate ${kind}.`);
}

export async function simulate(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === undefined || kind.startsWith('-'))
    throw new CliError('simulate needs a kind first: sms-status, reverse or sdk.');
  if (!(kind in KIND_FLAGS)) throw new CliError(`simulate takes sms-status, reverse or sdk, not "${kind}".`);
  const { values } = parseArgs({
    args: rest,
    options: {
      to: { type: 'string' },
      ids: { type: 'string' },
      state: { type: 'string' },
      attempts: { type: 'string' },
      'interval-ms': { type: 'string' },
      count: { type: 'string' },
      rate: { type: 'string' },
      method: { type: 'string' },
      type: { type: 'string' },
      token: { type: 'string' },
      'timeout-ms': { type: 'string' },
      insecure: { type: 'boolean' },
    },
    strict: true,
  });
  refuseForeignFlags(kind, values);
  if (!values.to) throw new CliError(`simulate ${kind} needs --to URL.`);
  let targetUrl: string;
  try {
    targetUrl = httpUrl(values.to, '--to');
  } catch (error) {
    if (error instanceof CoreError) throw new CliError(error.message);
    throw error;
  }
  const timeoutMs = wholeNumber(values['timeout-ms'], '--timeout-ms', TIMEOUT_RANGE, 10_000);
  const { insecure, ...text } = values;
  const interrupt = stopOnSignal();
  const send: SendSettings = { timeoutMs, verifyTls: insecure !== true, signal: interrupt.signal };
  try {
    let code: number;
    switch (kind) {
      case 'sms-status':
        code = await smsStatus(targetUrl, text, send);
        break;
      case 'reverse':
        code = await reverse(targetUrl, text, send);
        break;
      default:
        code = await sdk(targetUrl, text, send);
    }
    const signal = interrupt.stoppedBy();
    if (signal === null) return code;
    print(`Stopped by ${signal}: the report above is what was sent before.\n`);
    return interrupt.exitCode();
  } finally {
    interrupt.dispose();
    await closeHttpAgents();
  }
}

type Values = Record<string, string | undefined>;
/** What every kind sends with. */
interface SendSettings {
  timeoutMs: number;
  verifyTls: boolean;
  /** Ctrl-C: no new sends. */
  signal: AbortSignal;
}

async function smsStatus(targetUrl: string, values: Values, send: SendSettings): Promise<number> {
  const ids = parseSmsIds(values.ids);
  const state = values.state ?? 'deliver';
  if (!SMS_STATES.includes(state))
    throw new CliError(
      `--state must be one of the gateway's states: ${SMS_STATES.join(', ')}; got "${state}".`,
    );
  const { signal, ...settings } = send;
  const report = await simulateSmsStatus(
    {
      targetUrl,
      ids,
      state,
      attempts: wholeNumber(values.attempts, '--attempts', SIMULATION_LIMITS.attempts, 5),
      intervalMs: wholeNumber(values['interval-ms'], '--interval-ms', SIMULATION_LIMITS.intervalMs, 1000),
      ...settings,
    },
    { signal },
  );
  for (const attempt of report.attempts) {
    const answer = attempt.error ?? `${attempt.status}`;
    print(
      `attempt ${attempt.attempt}: sent ${attempt.sent.join(',')} → ${answer}; acknowledged ${attempt.acknowledged.join(',') || 'none'}\n`,
    );
    for (const problem of attempt.problems) print(`  ! ${problem}\n`);
  }
  for (const id of report.ids) {
    print(
      `id_sms ${id.idSms}: ${id.acknowledged ? 'acknowledged' : 'never acknowledged'} after ${id.attemptsUsed} attempt${id.attemptsUsed === 1 ? '' : 's'}\n`,
    );
  }
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

async function reverse(targetUrl: string, values: Values, send: SendSettings): Promise<number> {
  const method = (values.method ?? 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'GET')
    throw new CliError(`--method must be POST or GET, got "${values.method}".`);
  const { signal, ...settings } = send;
  const report = await simulateReverse(
    {
      targetUrl,
      method,
      count: wholeNumber(values.count, '--count', SIMULATION_LIMITS.reverseCount, 1),
      ratePerSecond: decimal(values.rate, '--rate', RATE_RANGE, 10),
      ...settings,
    },
    signal,
  );
  return printLoadReport(report);
}

async function sdk(targetUrl: string, values: Values, send: SendSettings): Promise<number> {
  const type = (values.type ?? 'SMS').toUpperCase();
  if (type !== 'SMS' && type !== 'PUSH')
    throw new CliError(`--type must be SMS or PUSH, got "${values.type}".`);
  const { signal, ...settings } = send;
  const report = await simulateSdk(
    {
      targetUrl,
      type,
      count: wholeNumber(values.count, '--count', SIMULATION_LIMITS.sdkCount, 1),
      bearerToken: token(values.token),
      ...settings,
    },
    signal,
  );
  for (const message of report.messages) {
    const head =
      message.status === null
        ? `error: ${message.error}`
        : `${message.status} status_code ${message.statusCode ?? '—'}`;
    print(
      `${message.messageId}: ${head} — ${message.outcome}${message.inModel ? '' : ' (outside the model)'}\n`,
    );
  }
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

/**
 * The gateway's id_sms is an Int (seed 004) and goes out as a bare JSON number, so each id must
 * be one as written: `007` would make the batch invalid JSON.
 */
function parseSmsIds(value: string | undefined): string[] {
  if (value === undefined) throw new CliError('simulate sms-status needs --ids 1,2,3.');
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length > SIMULATION_LIMITS.ids.max)
    throw new CliError(
      `--ids lists ${ids.length} ids; the gateway sends at most ${SIMULATION_LIMITS.ids.max} at a time.`,
    );
  if (ids.length === 0)
    throw new CliError(`--ids needs at least one SMS id, like --ids 3234,3235; got "${value}".`);
  for (const id of ids) {
    const problem = smsIdProblem(id);
    if (problem) throw new CliError(`--ids: ${problem}`);
  }
  return ids;
}

/** --token, refused (exit 2) when it cannot travel in an Authorization header. */
function token(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const problem = headerValueProblem('Authorization', `Bearer ${value}`);
  if (problem) throw new CliError(`--token: ${problem}`);
  return value;
}
