import { LoaderCircle } from 'lucide-react';
import { useMemo, useState } from 'react';
import { type BodyViewId, chooseViews, SNIFF_BYTES } from '../../../lib/bodyViews';
import { Notice } from '../../../ui/Notice';
import { type BodyCut, BodyMetaLine } from './BodyMetaLine';
import { ImagePreview } from './ImagePreview';
import { RenderedView } from './RenderedView';
import { type CaptureBody, useCaptureBody } from './useCaptureBody';
import { ViewPicker } from './ViewPicker';
import './body.css';

interface BodyPanelProps {
  captureId: number;
  side: 'request' | 'response';
  contentType: string | null;
  /** Why the stored body is not the whole body, when it is not. */
  cut?: BodyCut;
  testId: string;
}

/** A body with views chosen by its content; keyed by capture, so the chosen view resets per capture. */
export function BodyPanel({ captureId, side, contentType, cut = null, testId }: BodyPanelProps) {
  const [whole, setWhole] = useState(false);
  const body = useCaptureBody(captureId, side, whole);
  if (body.status === 'loading') {
    return (
      <p className="body-loading muted" aria-busy>
        <LoaderCircle size={14} className="spin" aria-hidden /> Loading the body…
      </p>
    );
  }
  if (body.status === 'error') return <Notice>{body.message}</Notice>;
  return (
    <LoadedBody
      body={body}
      bodyKey={`${captureId}:${side}:${body.bytes.length}`}
      contentType={contentType}
      cut={cut}
      testId={testId}
      loadingRest={whole && body.partial}
      onLoadRest={() => setWhole(true)}
    />
  );
}

interface LoadedBodyProps {
  body: Extract<CaptureBody, { status: 'ready' }>;
  bodyKey: string;
  contentType: string | null;
  cut: BodyCut;
  testId: string;
  loadingRest: boolean;
  onLoadRest: () => void;
}

function LoadedBody({ body, bodyKey, contentType, cut, testId, loadingRest, onLoadRest }: LoadedBodyProps) {
  const { bytes, meta, partial } = body;
  const choice = useMemo(
    () => chooseViews(contentType, bytes.subarray(0, SNIFF_BYTES), meta.totalSize),
    [contentType, bytes, meta.totalSize],
  );
  const [picked, setPicked] = useState<BodyViewId | null>(null);
  const view = picked !== null && choice.available.includes(picked) ? picked : choice.preferred;

  if (meta.totalSize === 0) {
    return (
      <div className="body-view">
        <BodyMetaLine meta={meta} view={null} cut={cut} partial={false} />
        {/* Rendered even when empty (CSS hides it) so the view kind stays queryable. */}
        <pre className="payload payload-text" data-testid={testId} data-view="text" />
      </div>
    );
  }
  return (
    <div className="body-view">
      <div className="body-toolbar">
        <ViewPicker views={choice.available} value={view} onChange={setPicked} />
        <BodyMetaLine
          meta={meta}
          view={view}
          cut={cut}
          partial={partial}
          loadingRest={loadingRest}
          onLoadRest={onLoadRest}
        />
      </div>
      {view === 'image' ? (
        <ImagePreview bytes={bytes} contentType={contentType} testId={testId} />
      ) : (
        <RenderedView
          key={view}
          bodyKey={bodyKey}
          bytes={bytes}
          view={view}
          contentType={contentType}
          partial={partial}
          testId={testId}
          onShowAs={setPicked}
        />
      )}
    </div>
  );
}
