import { LoaderCircle } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { Notice } from '../../ui/Notice';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  className?: string;
  /** Renders the control with the id the label points at and the id of the hint. */
  children: (id: string, hintId: string | undefined) => ReactNode;
}

/** A label, a control and an optional hint, tied together for assistive technology. */
export function Field({ label, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className ? `replay-field ${className}` : 'replay-field'}>
      <label htmlFor={id} className="replay-field-label">
        {label}
      </label>
      {children(id, hintId)}
      {hint && (
        <p id={hintId} className="replay-field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface CheckProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  testId?: string;
  disabled?: boolean;
}

export function Check({ checked, onChange, children, testId, disabled }: CheckProps) {
  return (
    <label className="replay-check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}

interface RunButtonProps {
  running: boolean;
  disabled?: boolean;
  onClick: () => void;
  testId: string;
  children: ReactNode;
  runningLabel: string;
  primary?: boolean;
}

/** A button that shows a spinner and its running words while its command is awaited. */
export function RunButton({
  running,
  disabled,
  onClick,
  testId,
  children,
  runningLabel,
  primary = true,
}: RunButtonProps) {
  return (
    <button
      type="button"
      className={primary ? 'button button-primary' : 'button'}
      disabled={running || disabled}
      aria-busy={running || undefined}
      data-testid={testId}
      data-running={running ? 'true' : 'false'}
      onClick={onClick}
    >
      {running && <LoaderCircle size={14} className="spin" aria-hidden />}
      {running ? runningLabel : children}
    </button>
  );
}

interface SimErrorProps {
  message: string | null;
  onDismiss?: () => void;
  testId?: string;
}

/** A simulator's or replay's failure, in the core's words. */
export function SimError({ message, onDismiss, testId = 'sim-error' }: SimErrorProps) {
  if (!message) return null;
  return (
    <div data-testid={testId}>
      <Notice {...(onDismiss ? { onDismiss } : {})}>{message}</Notice>
    </div>
  );
}

/** A titled block of the form or of a report. */
export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className="replay-section" aria-labelledby={titleId}>
      <div className="replay-section-head">
        <h2 id={titleId} className="replay-section-title">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
