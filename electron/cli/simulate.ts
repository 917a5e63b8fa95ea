import { parseArgs } from 'node:util';
import { closeHttpAgents } from '../core/http/index';
import { CoreError } from '../core/index';
import { httpUrl } from '../core/replay/validate';
import { simulateReverse } from '../core/simulate/reverse';
import { simulateSdk } from '../core/simulate/sdk';
import { simulateSmsStatus } from '../core/simulate/sms-status';
import { printLoadReport } from './load-report';
import { CliError, EXIT_FAILED, EXIT_OK } from './usage-error';

export const SIMULATE_USAGE = `hookbench simulate sms-status --to URL --ids 1,2,3 [--state deliver] [--attempts 5] [--interval-ms 1000]
hookbench simulate reverse --to URL [--count N] [--rate R] [--method POST|GET]
hookbench simulate sdk --to URL [--type SMS|PUSH] [--count N] [--token TOKEN]

Plays a sender from the platform documentation against your endpoint.
  sms-status  the SMS gateway: posts [{"id_sms","time","state"}] and re-sends every status whose
              id_sms your answer does not acknowledge, up to --attempts in all. One line per id;
              exits 1 when an id was never acknowledged.
  reverse     the CRM platform's reverse integration: --count calls at --rate per second, POST JSON
              or GET query; prints the status counts and latency percentiles; exits 1 on any
              non-2xx or network error.
  sdk         the messaging SDK: posts SMS or PUSH notifications and reads status_code; exits 1
              when an answer is outside the documented model or not 000/001.`;

function number(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${flag} needs a number above 0, got "${value}".`);
  return n;
}

export async function simulate(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
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
    },
    strict: true,
  });
  if (!values.to) throw new CliError(`simulate ${kind ?? ''} needs --to URL.`.replace('  ', ' '));
  let targetUrl: string;
  try {
    targetUrl = httpUrl(values.to, '--to');
  } catch (error) {
    if (error instanceof CoreError) throw new CliError(error.message);
    throw error;
  }
  const timeoutMs = number(values['timeout-ms'], '--timeout-ms', 10_000);
  try {
    switch (kind) {
      case 'sms-status':
        return await smsStatus(targetUrl, values, timeoutMs);
      case 'reverse':
        return await reverse(targetUrl, values, timeoutMs);
      case 'sdk':
        return await sdk(targetUrl, values, timeoutMs);
      default:
        throw new CliError(`simulate takes sms-status, reverse or sdk, not "${kind ?? ''}".`);
    }
  } finally {
    await closeHttpAgents();
  }
}

type Values = Record<string, string | undefined>;

async function smsStatus(targetUrl: string, values: Values, timeoutMs: number): Promise<number> {
  if (!values.ids) throw new CliError('simulate sms-status needs --ids 1,2,3.');
  const ids = values.ids
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const report = await simulateSmsStatus({
    targetUrl,
    ids,
    state: values.state ?? 'deliver',
    attempts: Math.floor(number(values.attempts, '--attempts', 5)),
    intervalMs: Math.floor(number(values['interval-ms'], '--interval-ms', 1000)),
    timeoutMs,
  });
  for (const attempt of report.attempts) {
    const answer = attempt.error ?? `${attempt.status}`;
    process.stdout.write(
      `attempt ${attempt.attempt}: sent ${attempt.sent.join(',')} → ${answer}; acknowledged ${attempt.acknowledged.join(',') || 'none'}\n`,
    );
    for (const problem of attempt.problems) process.stdout.write(`  ! ${problem}\n`);
  }
  for (const id of report.ids) {
    process.stdout.write(
      `id_sms ${id.idSms}: ${id.acknowledged ? 'acknowledged' : 'never acknowledged'} after ${id.attemptsUsed} attempt${id.attemptsUsed === 1 ? '' : 's'}\n`,
    );
  }
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

async function reverse(targetUrl: string, values: Values, timeoutMs: number): Promise<number> {
  const method = (values.method ?? 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'GET') throw new CliError('--method is POST or GET.');
  const report = await simulateReverse({
    targetUrl,
    method,
    count: Math.floor(number(values.count, '--count', 1)),
    ratePerSecond: number(values.rate, '--rate', 10),
    timeoutMs,
  });
  return printLoadReport(report);
}

async function sdk(targetUrl: string, values: Values, timeoutMs: number): Promise<number> {
  const type = (values.type ?? 'SMS').toUpperCase();
  if (type !== 'SMS' && type !== 'PUSH') throw new CliError('--type is SMS or PUSH.');
  const report = await simulateSdk({
    targetUrl,
    type,
    count: Math.floor(number(values.count, '--count', 1)),
    bearerToken: values.token ?? null,
    timeoutMs,
  });
  for (const message of report.messages) {
    const head =
      message.status === null
        ? `error: ${message.error}`
        : `${message.status} status_code ${message.statusCode ?? '—'}`;
    process.stdout.write(
      `${message.messageId}: ${head} — ${message.outcome}${message.inModel ? '' : ' (outside the model)'}\n`,
    );
  }
  return report.ok ? EXIT_OK : EXIT_FAILED;
}
