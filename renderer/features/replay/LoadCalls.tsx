import { useState } from 'react';
import type { LoadCall, LoadReport } from '../../../shared/replay';
import { formatMs } from '../../lib/format';
import { statusTone } from './bodyText';
import { Check, Section } from './fields';

const failed = (call: LoadCall) => call.status === null || call.status < 200 || call.status >= 300;

/**
 * Which call got what: the first calls of a load run one by one (label, status, latency, the
 * start of the answer or the error), failures only at first when there are any.
 */
export function LoadCalls({ report }: { report: LoadReport }) {
  const failures = report.calls.filter(failed).length;
  const [onlyFailures, setOnlyFailures] = useState(failures > 0);
  const shown = onlyFailures ? report.calls.filter(failed) : report.calls;
  const title =
    report.calls.length < report.sent
      ? `Calls (the first ${report.calls.length.toLocaleString('en-US')} of ${report.sent.toLocaleString('en-US')})`
      : 'Calls';
  return (
    <Section title={title}>
      <Check checked={onlyFailures} onChange={setOnlyFailures} testId="load-calls-only-failures">
        Only failures ({failures})
      </Check>
      {shown.length === 0 ? (
        <p className="muted">{onlyFailures ? 'No call failed.' : 'No call was made.'}</p>
      ) : (
        <table className="replay-table" data-testid="load-calls">
          <thead>
            <tr>
              <th scope="col">Call</th>
              <th scope="col">HTTP</th>
              <th scope="col">Latency</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((call) => (
              <tr key={call.index} data-testid="load-call" data-status={call.status ?? 'error'}>
                <td className="replay-mono">{call.label}</td>
                <td>
                  <span className={`replay-status replay-status-${statusTone(call.status)}`}>
                    {call.status ?? 'no answer'}
                  </span>
                </td>
                <td>{call.latencyMs === null ? '—' : formatMs(call.latencyMs)}</td>
                <td className="replay-mono replay-call-answer">
                  {call.error ?? (call.bodyStart || '(empty)')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
