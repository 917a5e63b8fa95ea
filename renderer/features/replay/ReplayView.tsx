import type { ReactNode } from 'react';
import type { ReplayTab as TabName } from '../../state/replayStore';
import { useReplay } from '../../state/StoresContext';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { type TabItem, Tabs, tabId, tabPanelId } from '../../ui/Tabs';
import { ReplayTab } from './ReplayTab';
import { ReverseSimulator } from './ReverseSimulator';
import { SdkSimulator } from './SdkSimulator';
import { SmsSimulator } from './SmsSimulator';
import './replay.css';
import './replay-results.css';
import './replay-detail.css';
import './replay-sim.css';

const TABS: readonly TabItem<TabName>[] = [
  { id: 'replay', label: 'Replay' },
  { id: 'sms', label: 'SMS gateway' },
  { id: 'reverse', label: 'Reverse integration' },
  { id: 'sdk', label: 'SDK' },
];

const ID_BASE = 'replay-tabs';

const AREAS: Record<TabName, string> = {
  replay: 'the replay',
  sms: 'the SMS gateway simulator',
  reverse: 'the reverse integration simulator',
  sdk: 'the SDK simulator',
};

/** Replay & Simulate: resend captures to a target, or play one of the senders against an endpoint. */
export function ReplayView() {
  const tab = useReplay((s) => s.tab);
  const setTab = useReplay((s) => s.setTab);

  // Every panel stays mounted (hidden when not chosen); what the forms hold lives in the replay store.
  const panel = (id: TabName, content: ReactNode) => (
    <div
      role="tabpanel"
      id={tabPanelId(ID_BASE, id)}
      aria-labelledby={tabId(ID_BASE, id)}
      className="replay-panel"
      hidden={tab !== id}
    >
      <ErrorBoundary area={AREAS[id]}>{content}</ErrorBoundary>
    </div>
  );

  return (
    <div className="replay-view" data-testid="replay-view">
      <div className="toolbar">
        <h1 className="toolbar-title">Replay &amp; Simulate</h1>
        <span className="muted">
          Send captures again to another server, or play a sender against an endpoint. Captures never change.
        </span>
      </div>
      <Tabs idBase={ID_BASE} label="Replay and simulators" items={TABS} value={tab} onChange={setTab} />
      {panel('replay', <ReplayTab />)}
      {panel('sms', <SmsSimulator />)}
      {panel('reverse', <ReverseSimulator />)}
      {panel('sdk', <SdkSimulator />)}
    </div>
  );
}
