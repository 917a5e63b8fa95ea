import { LoaderCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { useCaptures } from '../../state/StoresContext';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { Notice } from '../../ui/Notice';
import { CaptureDetail } from './CaptureDetail';
import { CaptureList } from './CaptureList';
import { CaptureToolbar } from './CaptureToolbar';
import { EmptyState } from './EmptyState';
import './captures.css';

export function CapturesView({ onOpenSettings }: { onOpenSettings: () => void }) {
  const count = useCaptures((s) => s.items.length);
  const listStatus = useCaptures((s) => s.listStatus);
  const listError = useCaptures((s) => s.listError);
  const load = useCaptures((s) => s.load);

  const firstLoad = count === 0 && (listStatus === 'idle' || listStatus === 'loading');
  const failed = listStatus === 'error' && listError !== null;

  let body: ReactNode;
  if (count > 0) {
    body = (
      <div className="captures-split">
        <ErrorBoundary area="the capture list">
          <CaptureList />
        </ErrorBoundary>
        <section className="detail-pane" aria-label="Capture details">
          <ErrorBoundary area="the capture details">
            <CaptureDetail />
          </ErrorBoundary>
        </section>
      </div>
    );
  } else if (firstLoad) {
    body = (
      <div className="captures-loading" aria-busy>
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
      <CaptureToolbar />
      {failed && (
        <Notice
          action={
            <button type="button" className="button button-small" onClick={() => void load()}>
              Retry
            </button>
          }
        >
          {listError}
        </Notice>
      )}
      {body}
    </div>
  );
}
