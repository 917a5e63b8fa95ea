import { Check } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';

type Phase = 'idle' | 'working' | 'done' | 'failed';

interface ActionButtonProps {
  testId: string;
  /** Does the work; a rejection shows `failedText`. */
  run: () => Promise<void>;
  icon: ReactNode;
  label: string;
  doneText?: string;
  failedText?: string;
  title?: string;
  disabled?: boolean;
}

const FEEDBACK_MS = 1500;

/** A button whose async action reports back in place ("Copied", "Copy failed") for a moment. */
export function ActionButton({
  testId,
  run,
  icon,
  label,
  doneText = 'Copied',
  failedText = 'Failed',
  title,
  disabled,
}: ActionButtonProps) {
  const [phase, setPhase] = useState<Phase>('idle');

  useEffect(() => {
    if (phase !== 'done' && phase !== 'failed') return;
    const timer = setTimeout(() => setPhase('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [phase]);

  const onClick = () => {
    setPhase('working');
    run().then(
      () => setPhase('done'),
      () => setPhase('failed'),
    );
  };

  return (
    <button
      type="button"
      className={phase === 'failed' ? 'button button-small action-failed' : 'button button-small'}
      data-testid={testId}
      title={title ?? label}
      disabled={disabled || phase === 'working'}
      onClick={onClick}
    >
      {phase === 'done' ? <Check size={14} aria-hidden /> : icon}
      <span aria-live="polite">{phase === 'done' ? doneText : phase === 'failed' ? failedText : label}</span>
    </button>
  );
}
