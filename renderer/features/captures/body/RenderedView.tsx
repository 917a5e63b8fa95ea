import { LoaderCircle } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { FIRST_LIMIT, type RenderResult, type RenderView } from '../../../lib/bodyRender';
import type { BodyViewId } from '../../../lib/bodyViews';
import { formatBytes } from '../../../lib/format';
import { Notice } from '../../../ui/Notice';
import { FieldsTable } from './FieldsTable';
import { JsonTreeView } from './JsonTreeView';
import { MultipartParts } from './MultipartParts';
import { useBodyRender } from './useBodyRender';

interface RenderedViewProps {
  bodyKey: string;
  bytes: Uint8Array;
  view: RenderView;
  contentType: string | null;
  partial: boolean;
  testId: string;
  onShowAs: (view: BodyViewId) => void;
}

/** "Show more" multiplies what is shown: a few clicks reach megabytes without one giant first render. */
const GROWTH = 4;

export function RenderedView({
  bodyKey,
  bytes,
  view,
  contentType,
  partial,
  testId,
  onShowAs,
}: RenderedViewProps) {
  const [limit, setLimit] = useState(FIRST_LIMIT[view]);
  const state = useBodyRender({ bodyKey, bytes, view, contentType, limit, partial });
  const more = () => setLimit((current) => current * GROWTH);

  if (state.status === 'error') return <Notice>{state.message}</Notice>;
  const result = state.status === 'done' ? state.result : state.previous;
  if (!result) {
    return (
      <p className="body-loading muted" aria-busy>
        <LoaderCircle size={14} className="spin" aria-hidden /> Formatting…
      </p>
    );
  }
  const working = state.status === 'working';
  return (
    <ResultView
      result={result}
      bytes={bytes}
      view={view}
      testId={testId}
      working={working}
      onMore={more}
      onShowAs={onShowAs}
    />
  );
}

interface ResultViewProps {
  result: RenderResult;
  bytes: Uint8Array;
  view: RenderView;
  testId: string;
  working: boolean;
  onMore: () => void;
  onShowAs: (view: BodyViewId) => void;
}

function ResultView({ result, bytes, view, testId, working, onMore, onShowAs }: ResultViewProps) {
  switch (result.shape) {
    case 'unavailable':
      return (
        <div className="body-unavailable" data-testid="body-view-unavailable">
          <p>{result.reason}</p>
          <button type="button" className="button button-small" onClick={() => onShowAs('text')}>
            Show as text
          </button>
        </div>
      );
    case 'text':
      return (
        <>
          {result.note && <p className="body-note">{result.note}</p>}
          <pre className={`payload payload-${view}`} data-testid={testId} data-view={view}>
            {result.text}
          </pre>
          {result.shown < result.total && (
            <MoreBar working={working} onMore={onMore}>
              Showing the first{' '}
              {result.unit === 'bytes'
                ? `${formatBytes(result.shown)} of ${formatBytes(result.total)}`
                : `${result.shown.toLocaleString()} of ${result.total.toLocaleString()} characters`}
            </MoreBar>
          )}
        </>
      );
    case 'tree':
      return (
        <>
          <JsonTreeView rows={result.rows} testId={testId} />
          {result.rows.length < result.totalNodes && (
            <MoreBar working={working} onMore={onMore}>
              Showing the first {result.rows.length.toLocaleString()} of {result.totalNodes.toLocaleString()}{' '}
              nodes
            </MoreBar>
          )}
        </>
      );
    case 'fields':
      return (
        <>
          <FieldsTable fields={result.fields} testId={testId} view="form" />
          {result.fields.length < result.total && (
            <MoreBar working={working} onMore={onMore}>
              Showing the first {result.fields.length.toLocaleString()} of {result.total.toLocaleString()}{' '}
              fields
            </MoreBar>
          )}
        </>
      );
    case 'parts':
      return <MultipartParts result={result} bytes={bytes} testId={testId} />;
  }
}

function MoreBar({
  working,
  onMore,
  children,
}: {
  working: boolean;
  onMore: () => void;
  children: ReactNode;
}) {
  return (
    <p className="body-more">
      <span>{children}</span>
      <button
        type="button"
        className="button button-small"
        data-testid="show-more"
        disabled={working}
        onClick={onMore}
      >
        {working ? 'Working…' : 'Show more'}
      </button>
    </p>
  );
}
