import type { LoadReport } from '../../shared/replay';
import { print } from './output';
import { EXIT_FAILED, EXIT_OK } from './usage-error';

/** Failed calls printed one per line. */
const FAILURES_SHOWN = 20;

/** Prints a stream of sends' summary; exit 1 when any call got a non-2xx or no answer. */
export function printLoadReport(report: LoadReport): number {
  const statuses = Object.entries(report.statuses)
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  print(`${report.sent} calls in ${report.durationMs} ms — ${statuses}\n`);
  if (report.latencyMs) {
    const { p50, p90, p99, max } = report.latencyMs;
    print(
      `latency ms: p50 ${p50.toFixed(1)}, p90 ${p90.toFixed(1)}, p99 ${p99.toFixed(1)}, max ${max.toFixed(1)}\n`,
    );
  }
  // Which calls failed and what they were told (the first few), rather than the same error twenty times.
  const failures = report.calls.filter(
    (call) => call.status === null || call.status < 200 || call.status >= 300,
  );
  for (const call of failures.slice(0, FAILURES_SHOWN))
    print(`  ! ${call.label}: ${call.error ?? `${call.status} ${call.bodyStart}`.trimEnd()}\n`);
  if (failures.length > FAILURES_SHOWN)
    print(
      `  ! … and ${failures.length - FAILURES_SHOWN} more among the first ${report.calls.length} calls\n`,
    );
  return Object.keys(report.statuses).some((status) => !/^2\d\d$/.test(status)) ? EXIT_FAILED : EXIT_OK;
}
