import { LoaderCircle, MousePointerClick } from 'lucide-react';
import { type ReactNode, useId, useState } from 'react';
import type { CaptureDetail as CaptureDetailData } from '../../../shared/domain';
import { countUrlEncoded, queryString } from '../../lib/formUrlEncoded';
import { useCaptures } from '../../state/StoresContext';
import { RetryNotice } from '../../ui/Notice';
import { type TabItem, Tabs, tabId, tabPanelId } from '../../ui/Tabs';
import { CaptureActions } from './CaptureActions';
import { DetailSummary } from './DetailSummary';
import { FindingsPanel } from './findings/FindingsPanel';
import { RequestBodyPanel, RequestHeadersPanel, ResponsePanel } from './MessagePanels';
import { QueryPanel } from './QueryPanel';
import { CaptureTimeline } from './timeline/CaptureTimeline';
import './capture-detail.css';

type DetailTab = 'body' | 'headers' | 'query' | 'response' | 'findings' | 'timeline';

type DetailTabItem = TabItem<DetailTab> & { testId: string };

function tabsFor(detail: CaptureDetailData): DetailTabItem[] {
  const query = queryString(detail.path);
  const tabs: DetailTabItem[] = [
    // "Request body" as its name: the body and headers tabs together are the request.
    { id: 'body', label: 'Body', name: 'Request body', testId: 'tab-body' },
    { id: 'headers', label: 'Headers', count: detail.headers.length, testId: 'tab-headers' },
    { id: 'query', label: 'Query', count: countUrlEncoded(query), testId: 'tab-query' },
    { id: 'response', label: 'Response', testId: 'tab-response' },
    { id: 'findings', label: 'Findings', count: detail.findings.length, testId: 'tab-findings' },
  ];
  if (detail.kind === 'sms-status-batch')
    tabs.push({ id: 'timeline', label: 'Timeline', testId: 'timeline-tab' });
  return tabs;
}

function Placeholder({ children }: { children: ReactNode }) {
  return <div className="pane-placeholder detail-placeholder">{children}</div>;
}

export function CaptureDetail() {
  const selectedId = useCaptures((s) => s.selectedId);
  const detail = useCaptures((s) => s.detail);
  const status = useCaptures((s) => s.detailStatus);
  const error = useCaptures((s) => s.detailError);
  const reloadDetail = useCaptures((s) => s.reloadDetail);
  // Kept across selections, so browsing with the arrow keys stays on the chosen tab.
  const [tab, setTab] = useState<DetailTab>('body');
  const idBase = useId();

  if (selectedId === null) {
    return (
      <Placeholder>
        <MousePointerClick size={28} aria-hidden />
        <p>Select a capture to see its body, headers and findings.</p>
      </Placeholder>
    );
  }
  if (status === 'error') {
    return (
      <Placeholder>
        <RetryNotice onRetry={reloadDetail}>{error ?? 'Could not load this capture.'}</RetryNotice>
      </Placeholder>
    );
  }
  if (status === 'missing') {
    return (
      <Placeholder>
        <p>This capture no longer exists.</p>
      </Placeholder>
    );
  }
  if (!detail) {
    return (
      <Placeholder>
        <LoaderCircle size={20} className="spin" aria-hidden />
        <p>Loading…</p>
      </Placeholder>
    );
  }

  const tabs = tabsFor(detail);
  // The timeline tab exists for status batches only; elsewhere the body stands in for it.
  const shown: DetailTab = tabs.some((item) => item.id === tab) ? tab : 'body';
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
      <CaptureActions detail={detail} />
      <Tabs idBase={idBase} label="Capture" items={tabs} value={shown} onChange={setTab} />
      {tabs.map((item) =>
        // Headers stay in the document while hidden: they cost nothing, and whatever reads the request's
        // headers (scripts, tests) finds them from any tab. The other panels load when opened.
        item.id === shown || item.id === 'headers' ? (
          <div
            key={item.id}
            className="detail-panel"
            role="tabpanel"
            id={tabPanelId(idBase, item.id)}
            aria-labelledby={tabId(idBase, item.id)}
            hidden={item.id !== shown}
          >
            <DetailPanel detail={detail} tab={item.id} />
          </div>
        ) : null,
      )}
    </article>
  );
}

function DetailPanel({ detail, tab }: { detail: CaptureDetailData; tab: DetailTab }) {
  switch (tab) {
    case 'body':
      return <RequestBodyPanel detail={detail} />;
    case 'headers':
      return <RequestHeadersPanel detail={detail} />;
    case 'query':
      return <QueryPanel detail={detail} />;
    case 'response':
      return <ResponsePanel detail={detail} />;
    case 'findings':
      return <FindingsPanel detail={detail} />;
    case 'timeline':
      // Remounted per capture, so a newly chosen batch reads the latest timeline.
      return <CaptureTimeline key={detail.id} detail={detail} />;
  }
}
