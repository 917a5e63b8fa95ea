import { useState } from 'react';
import { type LoadReport, SIMULATION_LIMITS } from '../../../shared/replay';
import { formatMs } from '../../lib/format';
import { useReplay } from '../../state/StoresContext';
import { parseCount, parseRate, urlProblem } from './drafts';
import { Field, Section } from './fields';
import { LoadCalls } from './LoadCalls';
import { SimNumber, SimReport, SimulatorForm } from './SimulatorForm';
import { useFormField } from './useFormField';

function tone(status: string): string {
  if (status === 'error') return 'error';
  return status.startsWith('2') ? 'ok' : 'warn';
}

function ReverseReport({ report, stale }: { report: LoadReport; stale: boolean }) {
  const statuses = Object.entries(report.statuses).sort(([a], [b]) => a.localeCompare(b));
  const latency = report.latencyMs;
  return (
    <SimReport stale={stale} testId="reverse-sim-result">
      <p className="replay-verdict">
        {stale && 'Previous run: '}
        {report.sent} call{report.sent === 1 ? '' : 's'} in {formatMs(report.durationMs)}
        {report.cancelled ? ', then cancelled before the rest.' : '.'}
      </p>
      <Section title="Answers">
        <ul className="replay-distribution">
          {statuses.map(([status, count]) => (
            <li key={status} data-testid="reverse-sim-status" data-status={status}>
              <span className={`replay-status replay-status-${tone(status)}`}>{status}</span>
              {/* A <progress> draws the share without a style from data, which the strict CSP would not allow in markup. */}
              <progress
                className={`replay-distribution-bar replay-fill-${tone(status)}`}
                max={Math.max(report.sent, 1)}
                value={count}
                aria-label={`${status}: ${count} of ${report.sent}`}
              />
              <span>{count}</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Latency">
        {latency ? (
          <dl className="replay-timings" data-testid="reverse-sim-latency">
            <div>
              <dt>p50</dt>
              <dd>{formatMs(latency.p50)}</dd>
            </div>
            <div>
              <dt>p90</dt>
              <dd>{formatMs(latency.p90)}</dd>
            </div>
            <div>
              <dt>p99</dt>
              <dd>{formatMs(latency.p99)}</dd>
            </div>
            <div>
              <dt>max</dt>
              <dd>{formatMs(latency.max)}</dd>
            </div>
          </dl>
        ) : (
          <p className="muted">No call was answered.</p>
        )}
      </Section>
      <LoadCalls report={report} />
    </SimReport>
  );
}

/** Plays the CRM platform's reverse integration: N calls (POST JSON or GET query) at R per second. */
export function ReverseSimulator() {
  const run = useReplay((s) => s.reverse);
  const simulateReverse = useReplay((s) => s.simulateReverse);
  const cancelSimulation = useReplay((s) => s.cancelSimulation);
  const [target, setTarget] = useFormField('reverse.target', '');
  const [verifyTls, setVerifyTls] = useFormField('reverse.verifyTls', true);
  const [method, setMethod] = useFormField<'POST' | 'GET'>('reverse.method', 'POST');
  const [count, setCount] = useFormField('reverse.count', '20');
  const [rate, setRate] = useFormField('reverse.rate', '10');
  const [formError, setFormError] = useState<string | null>(null);

  const start = () => {
    const problem = urlProblem(target, 'The target');
    if (problem) return setFormError(problem);
    const calls = parseCount(count, 'The number of calls', SIMULATION_LIMITS.reverseCount.max);
    if (!calls.ok) return setFormError(calls.error);
    const perSecond = parseRate(rate, 'Calls per second');
    if (!perSecond.ok) return setFormError(perSecond.error);
    if (perSecond.value === null)
      return setFormError('Calls per second must be given: the platform calls at some rate.');
    setFormError(null);
    void simulateReverse({
      targetUrl: target.trim(),
      method,
      count: calls.value,
      ratePerSecond: perSecond.value,
      verifyTls,
      timeoutMs: 10_000,
    });
  };

  return (
    <SimulatorForm
      title="Reverse integration"
      intro={
        <>
          Calls your endpoint each time the platform “sends an asset”: <code>login</code>, <code>time</code>{' '}
          (epoch ms), <code>view_url</code>, <code>channel</code>, <code>campaign_name</code> — as a JSON body
          (POST) or query parameters (GET).
        </>
      }
      testIdPrefix="reverse-sim"
      target={target}
      onTargetChange={setTarget}
      receiverPath="smartico/reverse"
      targetHint="The integrator's endpoint."
      error={formError ?? run.error}
      running={run.running}
      runningLabel="Calling…"
      onRun={start}
      verifyTls={verifyTls}
      onVerifyTlsChange={setVerifyTls}
      onCancel={() => void cancelSimulation('reverse')}
      report={run.report && <ReverseReport report={run.report} stale={run.running} />}
      placeholder="The answers and latencies appear here."
    >
      <div className="replay-grid replay-grid-3">
        <Field label="Method" hint="POST sends JSON; GET, query parameters.">
          {(id, hintId) => (
            <select
              id={id}
              className="input"
              value={method}
              aria-describedby={hintId}
              data-testid="reverse-sim-method"
              onChange={(event) => setMethod(event.target.value === 'GET' ? 'GET' : 'POST')}
            >
              <option value="POST">POST</option>
              <option value="GET">GET</option>
            </select>
          )}
        </Field>
        <SimNumber label="Calls" value={count} onChange={setCount} testId="reverse-sim-count" />
        <SimNumber
          label="Per second"
          value={rate}
          onChange={setRate}
          testId="reverse-sim-rate"
          inputMode="decimal"
        />
      </div>
    </SimulatorForm>
  );
}
