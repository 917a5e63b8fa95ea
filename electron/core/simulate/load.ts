import type { HttpExchange } from '../../../shared/composer';
import type { LoadCall, LoadReport } from '../../../shared/replay';
import { percentile, runPaced } from '../replay/pacer';

/** Calls listed one by one in a report; the rest are only counted (a run can be a million calls). */
export const LOAD_CALLS_KEPT = 1000;
/** Characters of each listed call's answer kept. */
const BODY_START = 200;

/**
 * Sends `count` requests at `rate` per second and sums up statuses, errors and latency, listing
 * the first calls one by one (labelled by `labelOf`); `signal` stops new sends.
 */
export async function runLoad(
  count: number,
  ratePerSecond: number,
  send: (index: number) => Promise<HttpExchange>,
  signal?: AbortSignal,
  labelOf: (index: number) => string = (index) => `call ${index + 1}`,
): Promise<LoadReport> {
  const calls: LoadCall[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  const latencies: number[] = [];
  const started = performance.now();
  let sent = 0;
  await runPaced(
    Array.from({ length: count }, (_, i) => i),
    { concurrency: Math.min(256, Math.max(1, count)), ratePerSecond, ...(signal ? { signal } : {}) },
    async (i) => {
      sent += 1;
      const exchange = await send(i);
      const key = exchange.response ? String(exchange.response.status) : 'error';
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (exchange.error && errors.length < 20) errors.push(exchange.error.message);
      if (exchange.response) latencies.push(exchange.timings.totalMs);
      if (i < LOAD_CALLS_KEPT) calls.push(callOf(i, labelOf(i), exchange));
    },
  );
  latencies.sort((a, b) => a - b);
  calls.sort((a, b) => a.index - b.index);
  return {
    calls,
    sent,
    cancelled: sent < count,
    statuses,
    errors,
    latencyMs: latencies.length
      ? {
          p50: percentile(latencies, 50),
          p90: percentile(latencies, 90),
          p99: percentile(latencies, 99),
          max: latencies.at(-1) ?? 0,
        }
      : null,
    durationMs: Math.round(performance.now() - started),
  };
}

function callOf(index: number, label: string, exchange: HttpExchange): LoadCall {
  const response = exchange.response;
  const body = response ? Buffer.from(response.bodyBase64, 'base64').toString('utf8') : '';
  return {
    index,
    label,
    status: response?.status ?? null,
    error: exchange.error?.message ?? null,
    latencyMs: response ? exchange.timings.totalMs : null,
    bodyStart: body.length > BODY_START ? `${body.slice(0, BODY_START)}…` : body,
  };
}
