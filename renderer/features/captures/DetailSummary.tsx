import { Scissors } from 'lucide-react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { CaptureDetail } from '../../../shared/domain';
import { formatBytes, formatDateTime } from '../../lib/format';
import { methodTone, statusTone } from './captureFormat';
import { KIND_NAMES, validityWords } from './captureKinds';

function remoteAddress(detail: CaptureDetail): string {
  // IPv6 addresses need brackets before a port, as in a URL.
  const host = detail.remoteAddress.includes(':') ? `[${detail.remoteAddress}]` : detail.remoteAddress;
  return `${host}:${detail.remotePort}`;
}

function protocol(httpVersion: string): string {
  return httpVersion.toUpperCase().startsWith('HTTP') ? httpVersion : `HTTP/${httpVersion}`;
}

/**
 * The request path, clamped to two lines so a very long one (kilobytes of query) does not push
 * the actions and tabs out of sight; "Show all" opens it in a box of its own that scrolls.
 */
function RequestPath({ path }: { path: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [clamped, setClamped] = useState(false);

  // Whether the two lines cut the path off depends on the pane's width, so it is measured.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || expanded) return;
    const measure = () => setClamped(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [expanded]);

  return (
    <>
      <span
        ref={ref}
        className={expanded ? 'detail-path detail-path-expanded' : 'detail-path'}
        title={clamped && !expanded ? path : undefined}
        data-testid="detail-path"
      >
        {path}
      </span>
      {(clamped || expanded) && (
        <button
          type="button"
          className="button button-quiet button-small detail-path-toggle"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
          data-testid="detail-path-toggle"
        >
          {expanded ? 'Show less' : `Show all (${path.length.toLocaleString('en-US')} characters)`}
        </button>
      )}
    </>
  );
}

export function DetailSummary({ detail }: { detail: CaptureDetail }) {
  const validity = validityWords(detail);
  return (
    <header className="detail-summary">
      <div className="detail-request-line">
        <span className={`method-badge method-${methodTone(detail.method)}`}>{detail.method}</span>
        {/* Keyed by capture: the next capture's path starts clamped. */}
        <RequestPath key={detail.id} path={detail.path} />
        <span className={`status-badge status-${statusTone(detail.status)}`}>{detail.status}</span>
        {detail.kind && (
          <span className="kind-badge" data-testid="detail-kind">
            {KIND_NAMES[detail.kind]}
          </span>
        )}
        {validity && (
          <span
            className={detail.valid ? 'valid-badge' : 'valid-badge valid-badge-no'}
            data-testid="detail-valid"
            title={validity.title}
          >
            {validity.label}
          </span>
        )}
        {detail.truncated && (
          <span className="truncated-badge" data-testid="truncated-badge">
            <Scissors size={12} aria-hidden />
            truncated
          </span>
        )}
      </div>
      <dl className="detail-facts">
        <div>
          <dt>Received</dt>
          <dd>
            <time dateTime={detail.receivedAt}>{formatDateTime(detail.receivedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>{remoteAddress(detail)}</dd>
        </div>
        <div>
          <dt>Protocol</dt>
          <dd>{protocol(detail.httpVersion)}</dd>
        </div>
        <div>
          <dt>Body</dt>
          <dd>
            {formatBytes(detail.bodySize)}
            {detail.truncated && detail.declaredBodySize !== null && (
              <> stored of {formatBytes(detail.declaredBodySize)} sent</>
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
