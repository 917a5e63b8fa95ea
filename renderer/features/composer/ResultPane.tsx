import { LoaderCircle, Send } from 'lucide-react';
import type { ComposerPanel } from '../../state/composerStore';
import { useComposer } from '../../state/StoresContext';
import { type TabItem, Tabs, tabId, tabPanelId } from '../../ui/Tabs';
import { sendBlockReason } from './composerFormat';
import { timeoutProblem } from './drafts';
import { HistoryList } from './HistoryList';
import { PreviewPanel } from './PreviewPanel';
import { ResponseView } from './ResponseView';
import { StreamControls } from './StreamControls';
import type { PreviewOutcome } from './usePreview';
import './composer-result.css';

const ID_BASE = 'composer-result';

/** Send, and the three views of the right pane: the live preview, the response, the history. */
export function ResultPane({ outcome }: { outcome: PreviewOutcome }) {
  const panel = useComposer((s) => s.panel);
  const setPanel = useComposer((s) => s.setPanel);
  const sending = useComposer((s) => s.sending);
  const send = useComposer((s) => s.send);
  const historyTotal = useComposer((s) => s.historyTotal);
  const timeoutError = useComposer((s) => timeoutProblem(s.draft.timeoutMs));
  const reason = timeoutError ?? sendBlockReason(outcome.preview, outcome.error);

  const tabs: readonly TabItem<ComposerPanel>[] = [
    { id: 'preview', label: 'Preview' },
    { id: 'response', label: 'Response' },
    { id: 'history', label: historyTotal > 0 ? `History (${historyTotal})` : 'History' },
  ];

  return (
    <div className="composer-result">
      <div className="composer-send-bar">
        <button
          type="button"
          className="button button-primary"
          disabled={reason !== null || sending}
          aria-describedby={reason ? 'composer-send-reason' : undefined}
          onClick={() => void send()}
          data-testid="composer-send"
        >
          {sending ? <LoaderCircle size={14} className="spin" aria-hidden /> : <Send size={14} aria-hidden />}
          {sending ? 'Sending…' : 'Send'}
        </button>
        {reason ? (
          <span id="composer-send-reason" className="composer-send-reason" data-testid="composer-send-reason">
            Can’t send: {reason}
          </span>
        ) : (
          <span className="composer-hint">
            Sends what the preview shows; unsaved env variables are saved first.
          </span>
        )}
      </div>
      <StreamControls blocked={reason !== null} />
      <Tabs idBase={ID_BASE} label="Result views" items={tabs} value={panel} onChange={setPanel} />
      <div
        className="composer-result-body"
        role="tabpanel"
        id={tabPanelId(ID_BASE, panel)}
        aria-labelledby={tabId(ID_BASE, panel)}
      >
        {panel === 'preview' && <PreviewPanel outcome={outcome} />}
        {panel === 'response' && <ResponseView />}
        {panel === 'history' && <HistoryList />}
      </div>
    </div>
  );
}
