import { formatBytes } from '../../../lib/format';
import type { BodyMeta } from './useCaptureBody';

/**
 * Why a stored body is not the whole body: the receiver's size limit, a receiver too busy to hold
 * it (503), or a request that ended early.
 */
export type BodyCut = 'size-limit' | 'busy' | 'ended-early' | null;

const CUT_TEXT: Record<NonNullable<BodyCut>, string> = {
  'size-limit': "The body was cut at the receiver's size limit when it arrived.",
  busy: 'The receiver stopped reading this body: bodies arriving at the same time already held all the memory it keeps for them. This is the part that came.',
  'ended-early':
    'The body did not arrive whole: the request ended early (Findings say how). This is the part that came.',
};

/**
 * A truncated capture the receiver answered itself: its status says why (413 over the size limit,
 * 503 too busy; a store failure is never recorded, so a 503 here is always the busy one).
 */
export function bodyCutOf(detail: {
  truncated: boolean;
  response: { status: number };
  origin: { ruleId: string | null };
}): BodyCut {
  if (!detail.truncated) return null;
  if (detail.origin.ruleId === null && detail.response.status === 413) return 'size-limit';
  if (detail.origin.ruleId === null && detail.response.status === 503) return 'busy';
  return 'ended-early';
}

interface BodyMetaLineProps {
  meta: BodyMeta;
  view: string | null;
  cut: BodyCut;
  /** Only the first part of the body is loaded. */
  partial: boolean;
  loadingRest?: boolean;
  onLoadRest?: () => void;
}

/** Size, Content-Encoding decoding (or why it failed), truncation and "load the rest", in words. */
export function BodyMetaLine({ meta, view, cut, partial, loadingRest, onLoadRest }: BodyMetaLineProps) {
  return (
    <div className="body-meta">
      <span>{meta.totalSize === 0 ? 'No body' : formatBytes(meta.totalSize)}</span>
      {meta.decoded && (
        <span className="body-decoded" data-testid="body-decoded">
          decoded from {meta.decoded}
        </span>
      )}
      {meta.decodeError && (
        <span className="body-warning" data-testid="body-decode-error">
          {meta.decodeError}
        </span>
      )}
      {cut && (
        <span className="body-warning" data-testid="body-cut">
          {CUT_TEXT[cut]}
        </span>
      )}
      {partial && view !== null && (
        <span className="body-partial" data-testid="body-partial">
          Showing the first {formatBytes(meta.size)} of {formatBytes(meta.totalSize)}
          <button
            type="button"
            className="button button-small"
            data-testid="load-rest"
            disabled={loadingRest}
            onClick={onLoadRest}
          >
            {loadingRest ? 'Loading…' : 'Load the rest'}
          </button>
        </span>
      )}
    </div>
  );
}
