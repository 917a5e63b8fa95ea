import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../client';
import { useReceiver } from '../../state/StoresContext';

/** For a receiver that failed to bind (e.g. the port was taken) and may succeed now. */
export function RestartReceiverButton() {
  const restart = useReceiver((s) => s.restart);
  const restarting = useReceiver((s) => s.restarting);
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    setError(null);
    restart().catch((cause: unknown) => setError(describeError(cause, 'Could not restart the receiver.')));
  };
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={onClick}
        disabled={restarting}
        data-testid="restart-receiver"
      >
        <RotateCw size={14} aria-hidden className={restarting ? 'spin' : undefined} />
        {restarting ? 'Restarting…' : 'Restart receiver'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
