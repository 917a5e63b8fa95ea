import { LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { useComposer } from '../../state/StoresContext';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { Notice, RetryNotice } from '../../ui/Notice';
import { CollectionImport } from './CollectionImport';
import type { ScreenMessage } from './composerFormat';
import { DataSetList } from './DataSetList';
import { EnvEditor } from './EnvEditor';
import { RequestEditor } from './RequestEditor';
import { RequestList } from './RequestList';
import { ResultPane } from './ResultPane';
import { usePreview } from './usePreview';
import './composer.css';

/**
 * The Composer: saved requests, data sets and env on the left; the request editor in the
 * middle; the live preview, the send and its response, and the history on the right.
 */
export function ComposerView() {
  const status = useComposer((s) => s.status);
  const loadError = useComposer((s) => s.loadError);
  const load = useComposer((s) => s.load);
  const [notice, setNotice] = useState<ScreenMessage | null>(null);
  // One preview for the whole screen: the editor underlines from it, the right pane shows it.
  const outcome = usePreview();

  const ready = status === 'ready';
  return (
    <div className="composer-view" data-testid="composer-view">
      <div className="toolbar">
        <h1 className="toolbar-title">Composer</h1>
        <span className="muted">Request templates rendered against sample data, checked, then sent.</span>
        <div className="toolbar-actions">
          <CollectionImport onMessage={setNotice} disabled={!ready} />
        </div>
        {notice?.error && <Notice onDismiss={() => setNotice(null)}>{notice.text}</Notice>}
        {notice && !notice.error && (
          <p className="composer-info" role="status">
            {notice.text}
          </p>
        )}
        {loadError && <RetryNotice onRetry={() => void load()}>{loadError}</RetryNotice>}
      </div>
      {!ready && !loadError ? (
        <div className="composer-loading" aria-busy>
          <LoaderCircle size={20} className="spin" aria-hidden />
          <span>Loading the composer…</span>
        </div>
      ) : (
        <div className="composer-columns">
          <aside className="composer-library" aria-label="Requests, data sets and env variables">
            <ErrorBoundary area="the request list">
              <RequestList onMessage={setNotice} />
              <DataSetList onMessage={setNotice} />
              <EnvEditor />
            </ErrorBoundary>
          </aside>
          <section className="composer-editor-pane" aria-label="Request editor">
            <ErrorBoundary area="the request editor">
              <RequestEditor outcome={outcome} />
            </ErrorBoundary>
          </section>
          <section className="composer-result-pane" aria-label="Preview and response">
            <ErrorBoundary area="the preview">
              <ResultPane outcome={outcome} />
            </ErrorBoundary>
          </section>
        </div>
      )}
    </div>
  );
}
