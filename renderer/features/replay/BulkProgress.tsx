import { CircleStop } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ReplayProgress } from '../../../shared/replay';
import { describeError } from '../../client';
import { useReplay } from '../../state/StoresContext';
import { SimError } from './fields';

const STATE_WORDS: Record<ReplayProgress['state'], string> = {
  running: 'Running…',
  done: 'Done',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
};

/** The bulk run's bar and counts, with a cancel button while it runs. */
export function BulkProgress({ progress }: { progress: ReplayProgress }) {
  const cancelBulk = useReplay((s) => s.cancelBulk);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = progress.state === 'running';
  const box = useRef<HTMLDivElement>(null);

  // The bar sits under the form; a new run brings it into view so its counts are seen.
  useEffect(() => {
    if (progress.batchId) box.current?.scrollIntoView({ block: 'nearest' });
  }, [progress.batchId]);

  const cancel = async () => {
    setCancelling(true);
    setError(null);
    try {
      await cancelBulk();
    } catch (failure) {
      setError(describeError(failure, 'Could not cancel the replay.'));
    } finally {
      setCancelling(false);
    }
  };

  return (
    <div
      className="replay-progress"
      data-testid="replay-progress"
      data-state={progress.state}
      aria-live="polite"
    >
      <div className="replay-progress-head">
        <span className={`replay-progress-state replay-progress-state-${progress.state}`}>
          {STATE_WORDS[progress.state]}
        </span>
        <span className="muted" data-testid="replay-progress-text">
          {progress.sent} of {progress.total} sent
          {progress.inFlight > 0 && `, ${progress.inFlight} awaiting an answer`}
        </span>
        {running && (
          <button
            type="button"
            className="button button-small"
            disabled={cancelling}
            data-testid="replay-cancel"
            onClick={() => void cancel()}
          >
            <CircleStop size={14} aria-hidden />
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      <progress
        className="replay-progress-bar"
        max={Math.max(progress.total, 1)}
        value={progress.total === 0 ? 1 : progress.sent}
        aria-label="Replays sent"
      />
      <dl className="replay-counts">
        <div>
          <dt>Sent</dt>
          <dd data-testid="replay-count-sent">{progress.sent}</dd>
        </div>
        <div className="replay-count-ok">
          <dt>2xx</dt>
          <dd data-testid="replay-count-ok">{progress.ok}</dd>
        </div>
        <div className="replay-count-warn">
          <dt>Non-2xx</dt>
          <dd data-testid="replay-count-non2xx">{progress.non2xx}</dd>
        </div>
        <div className="replay-count-error">
          <dt>Errors</dt>
          <dd data-testid="replay-count-errors">{progress.errors}</dd>
        </div>
      </dl>
      {progress.total === 0 && <p className="muted">No captures matched: nothing was sent.</p>}
      {progress.stopReason && (
        <p className="replay-error-text">Stopped at the first failure: {progress.stopReason}</p>
      )}
      <SimError message={error} onDismiss={() => setError(null)} testId="replay-error" />
    </div>
  );
}
