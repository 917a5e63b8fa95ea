import { FlaskConical, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../client';
import { useComposer, useNavigation } from '../../state/StoresContext';
import { useDiscardGuard } from './useDiscardGuard';
import './use-as-sample.css';

interface UseAsSampleButtonProps {
  captureId: number;
  /** Visually smaller, for dense action bars. */
  small?: boolean;
}

/**
 * "Use as sample": the capture's JSON body becomes a new data set's event, and the Composer
 * opens with it selected, so a template can be tried on what a sender really posted.
 * The core explains in words when the body cannot be sample data (not JSON, cut at the limit).
 */
export function UseAsSampleButton({ captureId, small = true }: UseAsSampleButtonProps) {
  const makeSample = useComposer((s) => s.useCaptureAsSample);
  const setSection = useNavigation((s) => s.setSection);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The new data set replaces the data in the Composer's editor, which may have unsaved changes.
  const [guard, discardDialog] = useDiscardGuard('data');

  const onClick = async () => {
    setBusy(true);
    setError(null);
    try {
      await makeSample(captureId);
      setSection('composer');
    } catch (caught) {
      setError(describeError(caught, `Could not use capture #${captureId} as sample data.`));
      setBusy(false);
    }
  };

  return (
    <span className="use-as-sample">
      <button
        type="button"
        className={small ? 'button button-small' : 'button'}
        title={`Make capture #${captureId}'s body a data set and open it in the Composer`}
        disabled={busy}
        onClick={() => guard(() => void onClick())}
        data-testid="use-as-sample"
      >
        {busy ? (
          <LoaderCircle size={14} className="spin" aria-hidden />
        ) : (
          <FlaskConical size={14} aria-hidden />
        )}
        Use as sample
      </button>
      {error && (
        <span className="use-as-sample-error" role="alert" data-testid="use-as-sample-error">
          {error}
        </span>
      )}
      {discardDialog}
    </span>
  );
}
