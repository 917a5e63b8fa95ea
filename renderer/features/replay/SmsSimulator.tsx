import { useState } from 'react';
import { SIMULATION_LIMITS, smsIdProblem } from '../../../shared/replay';
import { useReplay } from '../../state/StoresContext';
import { generateIds, parseCount, parseList, urlProblem } from './drafts';
import { Field } from './fields';
import { SimNumber, SimulatorForm } from './SimulatorForm';
import { SmsReport } from './SmsReport';
import { useFormField } from './useFormField';

/** The gateway's states (seed 004). */
const STATES = ['send', 'not_deliver', 'expired', 'deliver', 'read', 'partly_deliver'] as const;

/** Plays the SMS gateway: posts a status batch, re-sends what the answer does not acknowledge. */
export function SmsSimulator() {
  const run = useReplay((s) => s.sms);
  const simulateSms = useReplay((s) => s.simulateSms);
  const cancelSimulation = useReplay((s) => s.cancelSimulation);
  const [target, setTarget] = useFormField('sms.target', '');
  const [verifyTls, setVerifyTls] = useFormField('sms.verifyTls', true);
  const [ids, setIds] = useFormField('sms.ids', '3234, 3235');
  const [generateCount, setGenerateCount] = useFormField('sms.generateCount', '10');
  const [state, setState] = useFormField<string>('sms.state', 'deliver');
  const [attempts, setAttempts] = useFormField('sms.attempts', '5');
  const [intervalMs, setIntervalMs] = useFormField('sms.intervalMs', '1000');
  const [formError, setFormError] = useState<string | null>(null);

  const generate = () => {
    const count = parseCount(generateCount, 'How many ids', SIMULATION_LIMITS.ids.max);
    if (!count.ok) return setFormError(count.error);
    setFormError(null);
    // Numbers in the gateway's range; a random start keeps runs apart in the SMS timeline.
    setIds(generateIds(count.value, 100_000 + Math.floor(Math.random() * 900_000)).join(', '));
  };

  const start = () => {
    const problem = urlProblem(target, 'The target');
    if (problem) return setFormError(problem);
    const list = parseList(ids);
    if (list.length === 0) return setFormError('Write at least one id_sms, or generate some.');
    const badId = list.map(smsIdProblem).find((problem) => problem !== null);
    if (badId) return setFormError(badId);
    const tries = parseCount(attempts, 'Attempts', SIMULATION_LIMITS.attempts.max);
    if (!tries.ok) return setFormError(tries.error);
    const wait = parseCount(intervalMs, 'The interval (ms)', SIMULATION_LIMITS.intervalMs.max, 0);
    if (!wait.ok) return setFormError(wait.error);
    setFormError(null);
    void simulateSms({
      targetUrl: target.trim(),
      ids: list,
      state,
      attempts: tries.value,
      intervalMs: wait.value,
      verifyTls,
      timeoutMs: 10_000,
    });
  };

  const waitText = (() => {
    const tries = parseCount(attempts, '', SIMULATION_LIMITS.attempts.max);
    const wait = parseCount(intervalMs, '', SIMULATION_LIMITS.intervalMs.max, 0);
    if (!tries.ok || !wait.ok || tries.value < 2) return null;
    return `At most ${tries.value} attempts with ${wait.value} ms between them: up to ${((tries.value - 1) * wait.value) / 1000} s of waiting.`;
  })();

  return (
    <SimulatorForm
      title="SMS gateway"
      intro={
        <>
          Posts <code>[{'{"id_sms", "time", "state"}'}]</code> batches. The server must answer{' '}
          <code>[{'{"id_sms": …}'}]</code> for each status it accepted; the rest are sent again, as the
          gateway does.
        </>
      }
      testIdPrefix="sms-sim"
      target={target}
      onTargetChange={setTarget}
      receiverPath="sms/status"
      targetHint="Where the gateway posts the statuses."
      error={formError ?? run.error}
      running={run.running}
      runningLabel="Simulating…"
      onRun={start}
      verifyTls={verifyTls}
      onVerifyTlsChange={setVerifyTls}
      onCancel={() => void cancelSimulation('sms')}
      report={run.report && <SmsReport report={run.report} stale={run.running} />}
      placeholder="The per-id and per-attempt results appear here."
    >
      <Field label="id_sms values" hint="Separated by commas. Digits go out as JSON numbers, exactly.">
        {(id, hintId) => (
          <textarea
            id={id}
            className="input replay-textarea input-mono"
            rows={2}
            value={ids}
            spellCheck={false}
            aria-describedby={hintId}
            data-testid="sms-sim-ids"
            onChange={(event) => setIds(event.target.value)}
          />
        )}
      </Field>
      <div className="replay-inline">
        <button
          type="button"
          className="button button-small"
          data-testid="sms-sim-generate"
          onClick={generate}
        >
          Generate
        </button>
        <input
          className="input replay-input-short"
          inputMode="numeric"
          value={generateCount}
          aria-label="How many ids to generate"
          data-testid="sms-sim-generate-count"
          onChange={(event) => setGenerateCount(event.target.value)}
        />
        <span className="muted">ids</span>
      </div>
      <div className="replay-grid replay-grid-3">
        <Field label="State">
          {(id) => (
            <select
              id={id}
              className="input"
              value={state}
              data-testid="sms-sim-state"
              onChange={(event) => setState(event.target.value)}
            >
              {STATES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SimNumber label="Attempts" value={attempts} onChange={setAttempts} testId="sms-sim-attempts" />
        <SimNumber
          label="Interval (ms)"
          value={intervalMs}
          onChange={setIntervalMs}
          testId="sms-sim-interval"
        />
      </div>
      {waitText && <p className="replay-field-hint">{waitText}</p>}
    </SimulatorForm>
  );
}
