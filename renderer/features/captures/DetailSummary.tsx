import { Scissors } from 'lucide-react';
import type { CaptureDetail } from '../../../shared/domain';
import { formatBytes, formatDateTime } from '../../lib/format';
import { methodTone, statusTone } from './captureFormat';
import { KIND_NAMES } from './captureKinds';

function remoteAddress(detail: CaptureDetail): string {
  // IPv6 addresses need brackets before a port, as in a URL.
  const host = detail.remoteAddress.includes(':') ? `[${detail.remoteAddress}]` : detail.remoteAddress;
  return `${host}:${detail.remotePort}`;
}

function protocol(httpVersion: string): string {
  return httpVersion.toUpperCase().startsWith('HTTP') ? httpVersion : `HTTP/${httpVersion}`;
}

export function DetailSummary({ detail }: { detail: CaptureDetail }) {
  return (
    <header className="detail-summary">
      <div className="detail-request-line">
        <span className={`method-badge method-${methodTone(detail.method)}`}>{detail.method}</span>
        <span className="detail-path">{detail.path}</span>
        <span className={`status-badge status-${statusTone(detail.status)}`}>{detail.status}</span>
        {detail.kind && (
          <span className="kind-badge" data-testid="detail-kind">
            {KIND_NAMES[detail.kind]}
          </span>
        )}
        {detail.valid !== null && (
          <span
            className={detail.valid ? 'valid-badge' : 'valid-badge valid-badge-no'}
            data-testid="detail-valid"
          >
            {detail.valid ? 'valid' : 'invalid'}
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
