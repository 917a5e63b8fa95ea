import type { HttpExchange } from '../../../shared/composer';
import type { LoadReport } from '../../../shared/replay';
import { percentile, runPaced } from '../replay/pacer';

/** Sends `count` requests at `rate` per second and sums up statuses, errors and latency; `signal` stops new sends. */
export async function runLoad(
  count: number,
  ratePerSecond: number,
  send: (index: number) => Promise<HttpExchange>,
  signal?: AbortSignal,
): Promise<LoadReport> {
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
    },
  );
  latencies.sort((a, b) => a - b);
  return {
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
