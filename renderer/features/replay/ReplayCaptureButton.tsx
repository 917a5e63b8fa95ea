import { Repeat2 } from 'lucide-react';
import { useNavigation, useReplay } from '../../state/StoresContext';

interface ReplayCaptureButtonProps {
  captureId: number;
  /** Visually smaller, for dense action bars. */
  small?: boolean;
}

/** Opens Replay & Simulate with this capture chosen for a single replay (for the capture detail's actions). */
export function ReplayCaptureButton({ captureId, small = true }: ReplayCaptureButtonProps) {
  const requestCapture = useReplay((s) => s.requestCapture);
  const setSection = useNavigation((s) => s.setSection);
  return (
    <button
      type="button"
      className={small ? 'button button-small' : 'button'}
      title={`Replay capture #${captureId} to another server`}
      data-testid="replay-capture-button"
      onClick={() => {
        requestCapture(captureId);
        setSection('replay');
      }}
    >
      <Repeat2 size={14} aria-hidden />
      Replay
    </button>
  );
}
