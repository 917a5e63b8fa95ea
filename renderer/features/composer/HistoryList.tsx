import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import type { HistorySummary } from '../../../shared/composer';
import { describeError } from '../../client';
import { formatMs, formatTime } from '../../lib/format';
import { useComposer } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

function statusText(item: HistorySummary): string {
  if (item.status !== null) return String(item.status);
  return item.errorCode ? `failed (${item.errorCode})` : 'failed';
}

/** Past sends, newest first: open one to see its exchange, or send it again byte for byte. */
export function HistoryList() {
  const history = useComposer((s) => s.history);
  const total = useComposer((s) => s.historyTotal);
  const historyError = useComposer((s) => s.historyError);
  const openHistoryEntry = useComposer((s) => s.openHistoryEntry);
  const resend = useComposer((s) => s.resend);
  const clearHistory = useComposer((s) => s.clearHistory);
  const sending = useComposer((s) => s.sending);
  const [error, setError] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);

  const act = (action: Promise<void>, fallback: string) => {
    setError(null);
    action.catch((caught: unknown) => setError(describeError(caught, fallback)));
  };

  return (
    <div className="composer-history" data-testid="composer-history">
      <div className="composer-history-head">
        <span className="composer-hint">
          {total === 0 ? 'Nothing sent yet.' : `${total} send${total === 1 ? '' : 's'}, newest first.`}
        </span>
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={total === 0}
          onClick={() => setClearing(true)}
          data-testid="history-clear"
        >
          Clear history
        </button>
      </div>
      {(error ?? historyError) && (
        <p className="error-box composer-error" role="alert">
          {error ?? historyError}
        </p>
      )}
      <ul className="composer-rows">
        {history.map((item) => (
          <li key={item.id} className="composer-row-with-action" data-testid="history-row">
            <button
              type="button"
              className="composer-row composer-history-row"
              title="Show this send’s request and response"
              onClick={() => act(openHistoryEntry(item.id), 'Could not open this send.')}
            >
              <span className={`composer-method composer-method-${item.method.toLowerCase()}`}>
                {item.method}
              </span>
              <span className="composer-row-name">
                {item.requestName}
                <span className="composer-row-detail">{item.url}</span>
              </span>
              <span
                className={
                  item.status !== null && item.status < 400 ? 'composer-history-ok' : 'composer-history-bad'
                }
                data-testid="history-status"
              >
                {statusText(item)}
              </span>
              <span className="composer-hint">
                {formatTime(item.sentAt)} · {formatMs(item.totalMs)}
              </span>
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              aria-label={`Send ${item.requestName} again`}
              title="Send again, byte for byte"
              disabled={sending}
              onClick={() => act(resend(item.id), 'Could not send it again.')}
              data-testid="history-resend"
            >
              <RotateCw size={13} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={clearing}
        title="Clear the send history?"
        confirmLabel="Clear"
        confirmTestId="confirm-clear-history"
        danger
        onConfirm={() => {
          setClearing(false);
          act(clearHistory(), 'Could not clear the history.');
        }}
        onCancel={() => setClearing(false)}
      >
        <p>Every recorded send and its response is removed. Saved requests are kept.</p>
      </ConfirmDialog>
    </div>
  );
}
