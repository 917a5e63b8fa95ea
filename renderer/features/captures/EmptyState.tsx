import { Inbox } from 'lucide-react';
import type { ReceiverStatus } from '../../../shared/domain';
import { useReceiver } from '../../state/StoresContext';
import { CopyButton } from '../../ui/CopyButton';
import './empty-state.css';

/** The command a user can paste to see a first capture arrive. */
export function firstRequestCommand(url: string): string {
  return `curl -X POST ${url} -H 'content-type: application/json' -d '{"hello":"world"}'`;
}

function NotListening({
  status,
  onOpenSettings,
}: {
  status: ReceiverStatus | null;
  onOpenSettings: () => void;
}) {
  const reason =
    status?.state === 'error'
      ? `The receiver could not start: ${status.error ?? 'unknown reason'}.`
      : status?.state === 'starting'
        ? 'The receiver is starting…'
        : 'The receiver is not running.';
  return (
    <>
      <p>{reason}</p>
      {status?.state !== 'starting' && (
        <p>
          <button type="button" className="button" onClick={onOpenSettings}>
            Open receiver settings
          </button>
        </p>
      )}
    </>
  );
}

export function EmptyState({ onOpenSettings }: { onOpenSettings: () => void }) {
  const status = useReceiver((s) => s.status);
  const url = status?.state === 'listening' ? status.url : null;

  return (
    <div className="empty-state" data-testid="empty-state">
      <Inbox size={40} strokeWidth={1.5} aria-hidden className="empty-state-icon" />
      <h2>No captures yet</h2>
      {url ? (
        <>
          <p>Hookbench records every request sent to its receiver. Send one from a terminal:</p>
          <div className="command-box">
            <code className="command-text">{firstRequestCommand(url)}</code>
            <CopyButton text={firstRequestCommand(url)} label="Copy the curl command" showText />
          </div>
          <p className="muted">
            Or point your webhook provider at <code>{url}</code> — it appears here the moment it arrives.
          </p>
        </>
      ) : (
        <NotListening status={status} onOpenSettings={onOpenSettings} />
      )}
    </div>
  );
}
