import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

const FEEDBACK_MS = 1500;

interface CopyButtonProps {
  text: string;
  /** What is copied, for the accessible name: "Copy receiver URL". */
  label: string;
  testId?: string;
  disabled?: boolean;
  /** Shows the word next to the icon; icon-only buttons still get an accessible name. */
  showText?: boolean;
}

export function CopyButton({ text, label, testId, disabled, showText = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const onClick = () => {
    copyText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  const feedback = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : '';
  return (
    <span className="copy-button-wrap">
      <button
        type="button"
        className="button button-quiet button-small"
        aria-label={label}
        title={label}
        data-testid={testId}
        disabled={disabled}
        onClick={onClick}
      >
        {state === 'copied' ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
        {showText && <span>{state === 'copied' ? 'Copied' : 'Copy'}</span>}
      </button>
      <span
        className={state === 'failed' ? 'copy-feedback copy-feedback-error' : 'visually-hidden'}
        aria-live="polite"
      >
        {feedback}
      </span>
    </span>
  );
}
