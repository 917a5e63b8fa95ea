import { useMemo, useState } from 'react';
import type { SmsAttempt, SmsSimulationReport } from '../../../shared/replay';
import { statusTone, statusWords } from './bodyText';
import { Section } from './fields';
import { SimReport } from './SimulatorForm';

function summary(report: SmsSimulationReport): string {
  const acknowledged = report.ids.filter((id) => id.acknowledged).length;
  const attempts = report.attempts.length;
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (report.cancelled)
    return `Cancelled after ${tries}: ${acknowledged} of ${report.ids.length} ids acknowledged.`;
  if (report.ok) return `All ${report.ids.length} ids acknowledged after ${tries}.`;
  return `${acknowledged} of ${report.ids.length} ids acknowledged after ${tries}; the gateway gave up on the rest.`;
}

function AttemptItem({ attempt }: { attempt: SmsAttempt }) {
  const acknowledged = new Set(attempt.acknowledged);
  const missing = attempt.sent.filter((id) => !acknowledged.has(id));
  return (
    <li className="replay-attempt" data-testid="sms-sim-attempt">
      <div className="replay-attempt-head">
        <strong>Attempt {attempt.attempt}</strong>
        <span className={`replay-status replay-status-${statusTone(attempt.status)}`}>
          {statusWords(attempt.status, attempt.error)}
        </span>
      </div>
      <dl className="replay-facts">
        <dt>Sent</dt>
        <dd className="replay-mono">{attempt.sent.join(', ')}</dd>
        <dt>Acknowledged</dt>
        <dd className="replay-mono">
          {attempt.acknowledged.length > 0 ? attempt.acknowledged.join(', ') : 'none'}
        </dd>
        {missing.length > 0 && (
          <>
            <dt>Not acknowledged</dt>
            <dd className="replay-mono">{missing.join(', ')}</dd>
          </>
        )}
      </dl>
      {attempt.problems.length > 0 && (
        <ul className="replay-problems" aria-label={`Problems in attempt ${attempt.attempt}`}>
          {attempt.problems.map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a report's list never changes, and two items can say the same.
            <li key={index} data-testid="sms-sim-problem">
              {problem}
            </li>
          ))}
        </ul>
      )}
      <p className="replay-field-hint">Raw answer</p>
      <pre className="code-block replay-pre replay-pre-short" data-testid="sms-sim-raw">
        {attempt.bodyText === '' ? '(empty)' : attempt.bodyText}
      </pre>
    </li>
  );
}

/** Rows of the per-id table drawn at first. */
const FIRST_IDS = 200;

/** Per id (acknowledged, attempts used) and per attempt (what was sent, what came back, what was off). */
export function SmsReport({ report, stale }: { report: SmsSimulationReport; stale: boolean }) {
  // Thousands of rows made every switch back to this tab slow; the ids not acknowledged come first.
  const [shown, setShown] = useState(FIRST_IDS);
  const ids = useMemo(
    () => [...report.ids].sort((a, b) => Number(a.acknowledged) - Number(b.acknowledged)),
    [report.ids],
  );
  return (
    <SimReport stale={stale} testId="sms-sim-result">
      <p
        className={report.ok ? 'replay-verdict replay-same' : 'replay-verdict replay-differ'}
        data-testid="sms-sim-summary"
      >
        {stale && 'Previous run: '}
        {summary(report)}
      </p>
      <Section title="Per id">
        <table className="replay-table">
          <thead>
            <tr>
              <th scope="col">id_sms</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">Attempts used</th>
            </tr>
          </thead>
          <tbody>
            {ids.slice(0, shown).map((id) => (
              <tr key={id.idSms} data-testid="sms-sim-id" data-acknowledged={id.acknowledged ? 'yes' : 'no'}>
                <td className="replay-mono">{id.idSms}</td>
                <td className={id.acknowledged ? 'replay-yes' : 'replay-no'}>
                  {id.acknowledged ? 'yes' : 'no'}
                </td>
                <td>{id.attemptsUsed}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {ids.length > shown && (
          <p className="body-more">
            <span>
              Showing {shown.toLocaleString('en-US')} of {ids.length.toLocaleString('en-US')} ids, those not
              acknowledged first
            </span>
            <button type="button" className="button button-small" onClick={() => setShown(ids.length)}>
              Show all
            </button>
          </p>
        )}
      </Section>
      <Section title="Per attempt">
        <ol className="replay-attempts">
          {report.attempts.map((attempt) => (
            <AttemptItem key={attempt.attempt} attempt={attempt} />
          ))}
        </ol>
      </Section>
    </SimReport>
  );
}
