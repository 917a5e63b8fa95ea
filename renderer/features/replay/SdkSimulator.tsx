import { useState } from 'react';
import { type SdkSimulationReport, SIMULATION_LIMITS } from '../../../shared/replay';
import { useReplay } from '../../state/StoresContext';
import { statusTone, statusWords } from './bodyText';
import { parseCount, urlProblem } from './drafts';
import { Field } from './fields';
import { SimNumber, SimReport, SimulatorForm } from './SimulatorForm';
import { useFormField } from './useFormField';

function SdkReport({ report, stale }: { report: SdkSimulationReport; stale: boolean }) {
  const outside = report.messages.filter((message) => !message.inModel).length;
  // A cancelled run is not ok (fewer messages than asked), which says nothing against the endpoint.
  const fine =
    report.ok ||
    (report.cancelled &&
      report.messages.every(
        (message) => message.inModel && (message.statusCode === '000' || message.statusCode === '001'),
      ));
  return (
    <SimReport stale={stale} testId="sdk-sim-result">
      <p
        className={fine ? 'replay-verdict replay-same' : 'replay-verdict replay-differ'}
        data-testid="sdk-sim-summary"
      >
        {stale && 'Previous run: '}
        {report.cancelled &&
          `Cancelled after ${report.messages.length} message${report.messages.length === 1 ? '' : 's'}. `}
        {fine
          ? `Every answer${report.cancelled ? ' so far' : ''} is in the documented model with 000 or 001.`
          : `${report.messages.length - outside} of ${report.messages.length} answers in the documented model; not every message succeeded.`}
      </p>
      <table className="replay-table">
        <thead>
          <tr>
            <th scope="col">message_id</th>
            <th scope="col">HTTP</th>
            <th scope="col">status_code</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {report.messages.map((message) => (
            <tr
              key={message.messageId}
              data-testid="sdk-sim-row"
              data-in-model={message.inModel ? 'yes' : 'no'}
            >
              <td className="replay-mono">{message.messageId}</td>
              <td>
                <span className={`replay-status replay-status-${statusTone(message.status)}`}>
                  {statusWords(message.status, message.error)}
                </span>
              </td>
              <td className="replay-mono" data-testid="sdk-sim-code">
                {message.statusCode ?? '—'}
              </td>
              <td>
                {message.outcome}{' '}
                {!message.inModel && (
                  <span className="replay-badge replay-badge-warn" data-testid="sdk-sim-outside">
                    outside the model
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SimReport>
  );
}

/** Plays the messaging SDK: posts SMS or PUSH notifications and reads the status codes back. */
export function SdkSimulator() {
  const run = useReplay((s) => s.sdk);
  const simulateSdk = useReplay((s) => s.simulateSdk);
  const cancelSimulation = useReplay((s) => s.cancelSimulation);
  const [target, setTarget] = useFormField('sdk.target', '');
  const [verifyTls, setVerifyTls] = useFormField('sdk.verifyTls', true);
  const [type, setType] = useFormField<'SMS' | 'PUSH'>('sdk.type', 'SMS');
  const [count, setCount] = useFormField('sdk.count', '3');
  const [token, setToken] = useFormField('sdk.token', '');
  const [formError, setFormError] = useState<string | null>(null);

  const start = () => {
    const problem = urlProblem(target, 'The target');
    if (problem) return setFormError(problem);
    const messages = parseCount(count, 'The number of messages', SIMULATION_LIMITS.sdkCount.max);
    if (!messages.ok) return setFormError(messages.error);
    setFormError(null);
    void simulateSdk({
      targetUrl: target.trim(),
      type,
      count: messages.value,
      bearerToken: token.trim() === '' ? null : token.trim(),
      verifyTls,
      timeoutMs: 10_000,
    });
  };

  return (
    <SimulatorForm
      title="Messaging SDK"
      intro={
        <>
          Posts notifications in Hookbench’s request model and reads <code>status_code</code> back: 000
          success, 001 queued, 900 not delivered, 901 bad parameters, 999 critical error.
        </>
      }
      testIdPrefix="sdk-sim"
      target={target}
      onTargetChange={setTarget}
      receiverPath="sdk/messages"
      targetHint="Your webhook for SDK messages."
      error={formError ?? run.error}
      running={run.running}
      runningLabel="Sending…"
      onRun={start}
      verifyTls={verifyTls}
      onVerifyTlsChange={setVerifyTls}
      onCancel={() => void cancelSimulation('sdk')}
      report={run.report && <SdkReport report={run.report} stale={run.running} />}
      placeholder="Each message’s answer and what it means appear here."
    >
      <div className="replay-grid">
        <Field label="Type">
          {(id) => (
            <select
              id={id}
              className="input"
              value={type}
              data-testid="sdk-sim-type"
              onChange={(event) => setType(event.target.value === 'PUSH' ? 'PUSH' : 'SMS')}
            >
              <option value="SMS">SMS</option>
              <option value="PUSH">PUSH</option>
            </select>
          )}
        </Field>
        <SimNumber label="Messages" value={count} onChange={setCount} testId="sdk-sim-count" />
      </div>
      <Field label="Bearer token" hint="Sent as Authorization: Bearer …; empty sends none.">
        {(id, hintId) => (
          <input
            id={id}
            className="input input-mono"
            value={token}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={hintId}
            data-testid="sdk-sim-token"
            onChange={(event) => setToken(event.target.value)}
          />
        )}
      </Field>
    </SimulatorForm>
  );
}
