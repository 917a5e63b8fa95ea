import { LoaderCircle } from 'lucide-react';
import { useReceiver, useSettings } from '../../state/StoresContext';
import { RetryNotice } from '../../ui/Notice';
import { DataFolderCard } from './DataFolderCard';
import { ReceiverForm } from './ReceiverForm';
import { RestartReceiverButton } from './RestartReceiverButton';
import { RetentionForm } from './RetentionForm';
import { ThemePicker } from './ThemePicker';
import './settings.css';

function ReceiverStatusCard() {
  const status = useReceiver((s) => s.status);
  if (!status) return null;
  const summary =
    status.state === 'listening'
      ? `Listening at ${status.url ?? `${status.host}:${status.port}`}`
      : status.state === 'error'
        ? `Not running: ${status.error ?? 'unknown reason'}`
        : status.state === 'starting'
          ? 'Starting…'
          : 'Stopped';
  return (
    <section className="settings-card" aria-label="Receiver status">
      <h2 className="settings-card-title">Receiver status</h2>
      <p className={`receiver-summary receiver-summary-${status.state}`}>{summary}</p>
      <RestartReceiverButton />
    </section>
  );
}

export function SettingsView() {
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  const load = useSettings((s) => s.load);

  return (
    <div className="settings-view">
      <div className="toolbar">
        <h1 className="toolbar-title">Settings</h1>
      </div>
      <div className="settings-scroll">
        <div className="settings-column">
          {loadError && <RetryNotice onRetry={() => void load()}>{loadError}</RetryNotice>}
          {settings ? (
            <>
              <ReceiverForm receiver={settings.receiver} />
              <ReceiverStatusCard />
              <RetentionForm retention={settings.retention} />
              <ThemePicker theme={settings.theme} />
              <DataFolderCard />
            </>
          ) : (
            !loadError && (
              <p className="muted settings-loading">
                <LoaderCircle size={16} className="spin" aria-hidden /> Loading settings…
              </p>
            )
          )}
        </div>
      </div>
    </div>
  );
}
