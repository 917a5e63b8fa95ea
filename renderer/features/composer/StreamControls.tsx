import { LoaderCircle, Repeat, Square } from 'lucide-react';
import { useComposerStream } from '../../state/StoresContext';

/**
 * "Send as a stream": the request N times at R per second, rendered anew for each call as
 * the platform renders each event ({{uuid}}, {{now}}… differ), to load-test the endpoint.
 */
export function StreamControls({ blocked }: { blocked: boolean }) {
  const count = useComposerStream((s) => s.count);
  const rate = useComposerStream((s) => s.rate);
  const running = useComposerStream((s) => s.running);
  const report = useComposerStream((s) => s.report);
  const error = useComposerStream((s) => s.error);
  const setInputs = useComposerStream((s) => s.setInputs);
  const start = useComposerStream((s) => s.run);
  const cancel = useComposerStream((s) => s.cancel);

  const n = Number(count);
  const r = Number(rate);
  const invalid = !Number.isInteger(n) || n < 1 || n > 100_000 || !(r > 0) || r > 10_000;

  return (
    // Open while a run goes on or has a report, so coming back to the screen shows it.
    <details className="composer-stream" open={running || report !== null || error !== null || undefined}>
      <summary>Send as a stream of events</summary>
      <div className="composer-stream-row">
        <label>
          Calls{' '}
          <input
            className="input input-short"
            value={count}
            onChange={(e) => setInputs({ count: e.target.value })}
            inputMode="numeric"
            data-testid="stream-count"
          />
        </label>
        <label>
          per second{' '}
          <input
            className="input input-short"
            value={rate}
            onChange={(e) => setInputs({ rate: e.target.value })}
            inputMode="decimal"
            data-testid="stream-rate"
          />
        </label>
        <button
          type="button"
          className="button button-small"
          disabled={blocked || invalid || running}
          onClick={() => void start(n, r)}
          data-testid="composer-stream"
        >
          {running ? (
            <LoaderCircle size={14} className="spin" aria-hidden />
          ) : (
            <Repeat size={14} aria-hidden />
          )}
          {running ? 'Sending…' : 'Stream'}
        </button>
        {running && (
          <button
            type="button"
            className="button button-small"
            onClick={() => void cancel()}
            data-testid="composer-stream-cancel"
          >
            <Square size={13} aria-hidden />
            Cancel
          </button>
        )}
      </div>
      {invalid && (
        <p className="field-error">Calls: a whole number from 1 to 100,000; rate: above 0, at most 10,000.</p>
      )}
      {error && (
        <p className="field-error" data-testid="stream-error">
          {error}
        </p>
      )}
      {report && (
        <p className="composer-stream-report" data-testid="stream-report">
          {report.sent} call{report.sent === 1 ? '' : 's'} in {report.durationMs} ms
          {report.cancelled ? ', then cancelled before the rest' : ''}
          {report.sent > 0 &&
            ` — ${Object.entries(report.statuses)
              .map(([status, k]) => `${status}: ${k}`)
              .join(', ')}`}
          {report.latencyMs &&
            ` · latency p50 ${report.latencyMs.p50.toFixed(1)} ms, p90 ${report.latencyMs.p90.toFixed(1)} ms, p99 ${report.latencyMs.p99.toFixed(1)} ms`}
          {report.errors.length > 0 && ` · ${report.errors[0]}`}
        </p>
      )}
    </details>
  );
}
