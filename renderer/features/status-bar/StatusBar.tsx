import type { ReceiverStatus } from '../../../shared/domain';
import type { ConnectionState } from '../../client';
import { useCaptures, useConnection, useHealth, useReceiver } from '../../state/StoresContext';
import { CopyButton } from '../../ui/CopyButton';
import './status-bar.css';

// Deliberately never contains the word "listening" unless it is listening: tests and eyes key on it.
const RECEIVER_WORDS: Record<ReceiverStatus['state'], string> = {
  listening: 'listening',
  starting: 'starting…',
  stopped: 'stopped',
  error: 'error',
};

// "offline" rather than "disconnected", so the text of a broken link never contains "connected".
const BRIDGE_WORDS: Record<ConnectionState, string> = {
  open: 'connected',
  connecting: 'connecting…',
  closed: 'offline, retrying…',
};

function ReceiverIndicator() {
  const status = useReceiver((s) => s.status);
  const loadError = useReceiver((s) => s.loadError);
  const state = status?.state ?? 'unknown';
  return (
    <div className="status-item status-receiver">
      <span className={`status-dot status-dot-${state}`} aria-hidden />
      <span>Receiver</span>
      <span className="status-receiver-state" data-testid="receiver-state" data-state={state}>
        {status ? RECEIVER_WORDS[status.state] : 'unknown'}
      </span>
      {status?.state === 'error' && status.error && (
        <span className="status-error-text" title={status.error}>
          {status.error}
        </span>
      )}
      {!status && loadError && <span className="status-error-text">{loadError}</span>}
      {status?.url && (
        <>
          <span className="status-url" data-testid="receiver-url">
            {status.url}
          </span>
          <CopyButton text={status.url} label="Copy receiver URL" testId="copy-receiver-url" />
        </>
      )}
    </div>
  );
}

function BridgeIndicator() {
  const transport = useConnection((s) => s.transport);
  const state = useConnection((s) => s.state);
  if (transport !== 'websocket') return null;
  return (
    <div className="status-item">
      <span className={`status-dot status-dot-bridge-${state}`} aria-hidden />
      <span>Bridge</span>
      <span data-testid="bridge-state" data-state={state}>
        {BRIDGE_WORDS[state]}
      </span>
    </div>
  );
}

/** Shown only while captures cannot be written; the banner above says why and what to do. */
function StoreIndicator() {
  const failing = useHealth((s) => s.health?.state === 'failing');
  if (!failing) return null;
  return (
    <div className="status-item" data-testid="store-health-status">
      <span className="status-dot status-dot-error" aria-hidden />
      <span>Store</span>
      <span className="status-error-text">not saving</span>
    </div>
  );
}

export function StatusBar() {
  const total = useCaptures((s) => s.total);
  return (
    <footer className="status-bar">
      <ReceiverIndicator />
      <StoreIndicator />
      <div className="status-spacer" />
      <div className="status-item">
        <span data-testid="capture-total">{total}</span>
        <span>{total === 1 ? 'capture' : 'captures'}</span>
      </div>
      <BridgeIndicator />
    </footer>
  );
}
