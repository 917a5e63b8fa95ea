import { setTimeout as sleep } from 'node:timers/promises';
import type {
  SmsAttempt,
  SmsIdReport,
  SmsSimulationOptions,
  SmsSimulationReport,
} from '../../../shared/replay';
import { sendHttp } from '../http/index';
import { parseLossless, scalarText, stringifyLossless } from '../json/lossless';

/** "YYYY-MM-DD HH:MM:SS", the gateway's time format (UTC here). */
export function gatewayTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** The status batch as the gateway writes it; digit ids go out as JSON numbers with their exact digits. */
export function statusBatch(ids: readonly string[], state: string, time: string): string {
  const items = ids.map((id) => {
    const idJson = /^\d+$/.test(id) ? id : JSON.stringify(id);
    return `{"id_sms":${idJson},"time":${JSON.stringify(state === 'send' ? '' : time)},"state":${JSON.stringify(state)}}`;
  });
  return `[${items.join(',')}]`;
}

/** An acknowledged id as text: a JSON number, or digits in a string; null for anything else. */
function idText(raw: unknown): string | null {
  if (typeof raw === 'string') return /^-?\d+$/.test(raw.trim()) ? raw.trim() : null;
  if (typeof raw === 'boolean' || raw === null) return null;
  return scalarText(raw);
}

/**
 * Reads an acknowledgement the way the gateway's contract describes it: a JSON
 * array of {"id_sms": …}. Says in words what deviates, and returns the ids it
 * can still make out (an id sent as a string counts, but is flagged).
 */
export function readAcknowledgement(
  bodyText: string,
  sent: readonly string[],
): { acknowledged: string[]; problems: string[] } {
  const problems: string[] = [];
  let value: unknown;
  try {
    value = parseLossless(bodyText);
  } catch {
    return { acknowledged: [], problems: ['The answer is not JSON: nothing counts as acknowledged.'] };
  }
  if (!Array.isArray(value)) {
    return {
      acknowledged: [],
      problems: ['The answer is not a JSON array of {"id_sms": …}: nothing counts as acknowledged.'],
    };
  }
  const acknowledged: string[] = [];
  const sentSet = new Set(sent);
  for (const item of value) {
    if (typeof item !== 'object' || item === null || !('id_sms' in item)) {
      problems.push(`An item of the answer has no id_sms: ${JSON.stringify(item)}.`);
      continue;
    }
    const raw = (item as Record<string, unknown>).id_sms;
    const id = idText(raw);
    if (id === null) {
      problems.push(`An id_sms is not a number: ${stringifyLossless(raw)}.`);
      continue;
    }
    if (typeof raw === 'string')
      problems.push(`id_sms ${id} is acknowledged as a string; the documentation shows numbers.`);
    if (!sentSet.has(id)) problems.push(`id_sms ${id} was acknowledged but not sent in this batch.`);
    else acknowledged.push(id);
  }
  return { acknowledged: [...new Set(acknowledged)], problems };
}

/**
 * Plays the SMS gateway (seed 004): posts the statuses, and re-sends each one
 * whose id the answer does not acknowledge, up to `attempts` in all.
 */
export async function simulateSmsStatus(
  options: SmsSimulationOptions,
  { now = () => new Date(), signal }: { now?: () => Date; signal?: AbortSignal } = {},
): Promise<SmsSimulationReport> {
  const ids = [...new Set(options.ids)];
  const attemptsUsed = new Map(ids.map((id) => [id, 0]));
  const done = new Set<string>();
  const attempts: SmsAttempt[] = [];
  const time = gatewayTime(now());
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const pending = ids.filter((id) => !done.has(id));
    if (pending.length === 0 || signal?.aborted) break;
    if (attempt > 1) {
      try {
        await sleep(options.intervalMs, undefined, { signal });
      } catch {
        break; // Cancelled while waiting for the next attempt.
      }
    }
    for (const id of pending) attemptsUsed.set(id, attempt);
    const exchange = await sendHttp(
      {
        method: 'POST',
        url: options.targetUrl,
        headers: [['Content-Type', 'application/json']],
        body: Buffer.from(statusBatch(pending, options.state, time)),
      },
      { timeoutMs: options.timeoutMs, followRedirects: false, verifyTls: options.verifyTls !== false },
    );
    const bodyText = exchange.response
      ? Buffer.from(exchange.response.bodyBase64, 'base64').toString('utf8')
      : '';
    let acknowledged: string[] = [];
    const problems: string[] = [];
    if (exchange.response && exchange.response.status >= 200 && exchange.response.status < 300) {
      const read = readAcknowledgement(bodyText, pending);
      acknowledged = read.acknowledged;
      problems.push(...read.problems);
    } else if (exchange.response) {
      problems.push(
        `The server answered ${exchange.response.status}: the gateway counts nothing as acknowledged.`,
      );
    }
    for (const id of acknowledged) done.add(id);
    attempts.push({
      attempt,
      sent: pending,
      status: exchange.response?.status ?? null,
      error: exchange.error?.message ?? null,
      acknowledged,
      problems,
      bodyText: bodyText.length > 10_000 ? `${bodyText.slice(0, 10_000)}…` : bodyText,
    });
  }
  const report: SmsIdReport[] = ids.map((id) => ({
    idSms: id,
    attemptsUsed: attemptsUsed.get(id) ?? 0,
    acknowledged: done.has(id),
  }));
  return {
    ids: report,
    attempts,
    ok: report.every((r) => r.acknowledged),
    cancelled: signal?.aborted === true && report.some((r) => !r.acknowledged),
  };
}
