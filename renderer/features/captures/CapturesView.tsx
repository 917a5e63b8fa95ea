import { LoaderCircle } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useCaptures } from '../../state/StoresContext';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { RetryNotice } from '../../ui/Notice';
import { CaptureDetail } from './CaptureDetail';
import { CaptureList } from './CaptureList';
import { CaptureToolbar } from './CaptureToolbar';
import { EmptyState } from './EmptyState';
import { FilterBar } from './filter/FilterBar';
import { SmsTimelineView } from './timeline/SmsTimelineView';
import './captures.css';

export function CapturesView({ onOpenSettings }: { onOpenSettings: () => void }) {
  const count = useCaptures((s) => s.items.length);
  const total = useCaptures((s) => s.total);
  const filter = useCaptures((s) => s.filter);
  const listStatus = useCaptures((s) => s.listStatus);
  const listError = useCaptures((s) => s.listError);
  const load = useCaptures((s) => s.load);
  const select = useCaptures((s) => s.select);
  const [timelineOpen, setTimelineOpen] = useState(false);

  const firstLoad = count === 0 && filter === '' && (listStatus === 'idle' || listStatus === 'loading');
  const failed = listStatus === 'error' && listError !== null;
  // With a filter, an empty list means "nothing matches", not "nothing captured yet".
  const hasContent = count > 0 || total > 0 || filter !== '';

  let body: ReactNode;
  if (hasContent || timelineOpen) {
    body = (
      <div className="captures-split">
        <ErrorBoundary area="the capture list">
          <CaptureList />
        </ErrorBoundary>
        <section
          className="detail-pane"
          aria-label={timelineOpen ? 'SMS status timeline' : 'Capture details'}
        >
          {timelineOpen ? (
            <ErrorBoundary area="the SMS timeline">
              <SmsTimelineView
                onClose={() => setTimelineOpen(false)}
                onOpenCapture={(id) => {
                  select(id);
                  setTimelineOpen(false);
                }}
              />
            </ErrorBoundary>
          ) : (
            <ErrorBoundary area="the capture details">
              <CaptureDetail />
            </ErrorBoundary>
          )}
        </section>
      </div>
    );
  } else if (firstLoad) {
    body = (
      <div className="pane-placeholder captures-loading" aria-busy>
        <LoaderCircle size={20} className="spin" aria-hidden />
        <span>Loading captures…</span>
      </div>
    );
  } else if (failed) {
    body = null;
  } else {
    body = <EmptyState onOpenSettings={onOpenSettings} />;
  }

  return (
    <div className="captures-view">
      <CaptureToolbar timelineOpen={timelineOpen} onToggleTimeline={() => setTimelineOpen(!timelineOpen)} />
      {failed && <RetryNotice onRetry={() => void load()}>{listError}</RetryNotice>}
      {hasContent && <FilterBar />}
      {body}
    </div>
  );
}
