import { LoaderCircle, MousePointerClick } from 'lucide-react';
import { useId, useState } from 'react';
import type { CaptureDetail as CaptureDetailData } from '../../../shared/domain';
import { useCaptures } from '../../state/StoresContext';
import { Notice } from '../../ui/Notice';
import { type TabItem, Tabs, tabId, tabPanelId } from '../../ui/Tabs';
import { DetailSummary } from './DetailSummary';
import { RequestPanel, ResponsePanel } from './MessagePanels';
import './capture-detail.css';

type DetailTab = 'request' | 'response';

const TABS: readonly TabItem<DetailTab>[] = [
  { id: 'request', label: 'Request' },
  { id: 'response', label: 'Response' },
];

export function CaptureDetail() {
  const selectedId = useCaptures((s) => s.selectedId);
  const detail = useCaptures((s) => s.detail);
  const status = useCaptures((s) => s.detailStatus);
  const error = useCaptures((s) => s.detailError);
  const reloadDetail = useCaptures((s) => s.reloadDetail);
  // Kept across selections, so browsing with the arrow keys stays on the chosen tab.
  const [tab, setTab] = useState<DetailTab>('request');
  const idBase = useId();

  if (selectedId === null) {
    return (
      <div className="detail-placeholder">
        <MousePointerClick size={28} aria-hidden />
        <p>Select a capture to see its headers and body.</p>
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div className="detail-placeholder">
        <Notice
          action={
            <button type="button" className="button button-small" onClick={reloadDetail}>
              Retry
            </button>
          }
        >
          {error ?? 'Could not load this capture.'}
        </Notice>
      </div>
    );
  }
  if (status === 'missing') {
    return (
      <div className="detail-placeholder">
        <p>This capture no longer exists.</p>
      </div>
    );
  }
  if (!detail) {
    return (
      <div className="detail-placeholder" aria-busy>
        <LoaderCircle size={20} className="spin" aria-hidden />
        <p>Loading…</p>
      </div>
    );
  }

  // While the next capture loads, the previous one stays up, dimmed, instead of flashing a spinner.
  const stale = detail.id !== selectedId;
  return (
    <article
      className={stale ? 'capture-detail capture-detail-stale' : 'capture-detail'}
      data-testid="capture-detail"
      data-id={detail.id}
      aria-busy={stale}
      aria-label={`Capture ${detail.id}`}
    >
      <DetailSummary detail={detail} />
      <Tabs idBase={idBase} label="Message" items={TABS} value={tab} onChange={setTab} />
      <div
        className="detail-panel"
        role="tabpanel"
        id={tabPanelId(idBase, tab)}
        aria-labelledby={tabId(idBase, tab)}
      >
        <DetailPanel detail={detail} tab={tab} />
      </div>
    </article>
  );
}

function DetailPanel({ detail, tab }: { detail: CaptureDetailData; tab: DetailTab }) {
  return tab === 'request' ? <RequestPanel detail={detail} /> : <ResponsePanel detail={detail} />;
}
