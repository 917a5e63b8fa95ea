import { Play, Square } from 'lucide-react';
import type { ReactNode } from 'react';
import { Check, Field, RunButton, Section, SimError } from './fields';
import { SimTarget } from './SimTarget';

interface SimulatorFormProps {
  title: string;
  /** What the simulator sends and what it expects back. */
  intro: ReactNode;
  /** `sms-sim` gives the target `sms-sim-target` and the run button `sms-sim-run`. */
  testIdPrefix: string;
  target: string;
  onTargetChange: (value: string) => void;
  /** The receiver path the starter rules answer for this sender, e.g. `sms/status`. */
  receiverPath: string;
  targetHint: string;
  /** The form's own problem, else the last run's failure. */
  error: string | null;
  running: boolean;
  runningLabel: string;
  onRun: () => void;
  /** Stops the run under way (shown while running). */
  onCancel: () => void;
  /** The last run's report, or nothing yet. */
  report: ReactNode;
  placeholder: string;
  /** The simulator's own fields, between the target and the run button. */
  children: ReactNode;
  verifyTls: boolean;
  onVerifyTlsChange: (verifyTls: boolean) => void;
}

/** A simulator's frame: the form with its target, error and run button beside the report. */
export function SimulatorForm({
  title,
  intro,
  testIdPrefix,
  target,
  onTargetChange,
  receiverPath,
  targetHint,
  error,
  running,
  runningLabel,
  onRun,
  onCancel,
  report,
  placeholder,
  children,
  verifyTls,
  onVerifyTlsChange,
}: SimulatorFormProps) {
  return (
    <div className="replay-sim">
      <div className="replay-sim-form">
        <Section title={title}>
          <p className="replay-field-hint">{intro}</p>
          <SimTarget
            value={target}
            onChange={onTargetChange}
            testId={`${testIdPrefix}-target`}
            receiverPath={receiverPath}
            hint={targetHint}
          />
          {children}
          <Check checked={verifyTls} onChange={onVerifyTlsChange} testId={`${testIdPrefix}-verify-tls`}>
            Verify TLS certificates
          </Check>
          <SimError message={error} />
          <div className="replay-actions">
            <RunButton
              running={running}
              onClick={onRun}
              testId={`${testIdPrefix}-run`}
              runningLabel={runningLabel}
            >
              <Play size={14} aria-hidden />
              Run simulation
            </RunButton>
            {running && (
              <button
                type="button"
                className="button"
                data-testid={`${testIdPrefix}-cancel`}
                onClick={onCancel}
              >
                <Square size={13} aria-hidden />
                Cancel
              </button>
            )}
          </div>
        </Section>
      </div>
      <div className="replay-sim-report">
        {report ?? <p className="muted pane-placeholder">{placeholder}</p>}
      </div>
    </div>
  );
}

interface SimNumberProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** A rate takes decimals; counts and milliseconds are whole. */
  inputMode?: 'numeric' | 'decimal';
}

/** A simulator's count, rate or interval, kept as typed until the run checks it. */
export function SimNumber({ label, value, onChange, testId, inputMode = 'numeric' }: SimNumberProps) {
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          className="input"
          inputMode={inputMode}
          value={value}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A simulator's report, dimmed while a new run replaces it. */
export function SimReport({
  stale,
  testId,
  children,
}: {
  stale: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className={stale ? 'replay-report replay-report-stale' : 'replay-report'} data-testid={testId}>
      {children}
    </div>
  );
}
