import { Play } from 'lucide-react';
import { useState } from 'react';
import type { SdkSimulationReport } from '../../../shared/replay';
import { useReplay } from '../../state/StoresContext';
import { statusTone, statusWords } from './bodyText';
import { parseCount, urlProblem } from './drafts';
import { Field, RunButton, Section, SimError } from './fields';
import { SimTarget } from './SimTarget';

function SdkReport({ report, stale }: { report: SdkSimulationReport; stale: boolean }) {
  const outside = report.messages.filter((message) => !message.inModel).length;
  return (
    <div
      className={stale ? 'replay-report replay-report-stale' : 'replay-report'}
      data-testid="sdk-sim-result"
    >
      <p className={report.ok ? 'replay-verdict replay-same' : 'replay-verdict replay-differ'}>
        {stale && 'Previous run: '}
        {report.ok
          ? `Every answer is in the documented model with 000 or 001.`
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
    </div>
  );
}

/** Plays the messaging SDK: posts SMS or PUSH notifications and reads the status codes back. */
export function SdkSimulator() {
  const run = useReplay((s) => s.sdk);
  const simulateSdk = useReplay((s) => s.simulateSdk);
  const [target, setTarget] = useState('');
  const [type, setType] = useState<'SMS' | 'PUSH'>('SMS');
  const [count, setCount] = useState('3');
  const [token, setToken] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  const start = () => {
    const problem = urlProblem(target, 'The target');
    if (problem) return setFormError(problem);
    const messages = parseCount(count, 'The number of messages', 10_000);
    if (!messages.ok) return setFormError(messages.error);
    setFormError(null);
    void simulateSdk({
      targetUrl: target.trim(),
      type,
      count: messages.value,
      bearerToken: token.trim() === '' ? null : token.trim(),
      timeoutMs: 10_000,
    });
  };

  return (
    <div className="replay-sim">
      <div className="replay-sim-form">
        <Section title="Messaging SDK">
          <p className="replay-field-hint">
            Posts notifications in Hookbench’s request model and reads <code>status_code</code> back: 000
            success, 001 queued, 900 not delivered, 901 bad parameters, 999 critical error.
          </p>
          <SimTarget
            value={target}
            onChange={setTarget}
            testId="sdk-sim-target"
            receiverPath="sdk/messages"
            hint="Your webhook for SDK messages."
          />
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
            <Field label="Messages">
              {(id) => (
                <input
                  id={id}
                  className="input"
                  inputMode="numeric"
                  value={count}
                  data-testid="sdk-sim-count"
                  onChange={(event) => setCount(event.target.value)}
                />
              )}
            </Field>
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
          <SimError message={formError ?? run.error} />
          <div className="replay-actions">
            <RunButton running={run.running} onClick={start} testId="sdk-sim-run" runningLabel="Sending…">
              <Play size={14} aria-hidden />
              Run simulation
            </RunButton>
          </div>
        </Section>
      </div>
      <div className="replay-sim-report">
        {run.report ? (
          <SdkReport report={run.report} stale={run.running} />
        ) : (
          <p className="muted replay-placeholder">Each message’s answer and what it means appear here.</p>
        )}
      </div>
    </div>
  );
}
