import { LoaderCircle } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { createFields } from '../../ui/fields';
import { Notice } from '../../ui/Notice';

export const { Field, Check } = createFields({
  field: 'replay-field',
  label: 'replay-field-label',
  hint: 'replay-field-hint',
  check: 'replay-check',
});

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
