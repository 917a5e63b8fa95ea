import { useMemo } from 'react';
import { DISPLAY_LIMIT_BYTES, decodeBase64Body } from '../../lib/bodyDecoding';
import { formatBytes } from '../../lib/format';
import { Notice } from '../../ui/Notice';

interface BodyViewProps {
  bodyBase64: string;
  /** Stored body was cut at the size limit, so it may end mid-character. */
  truncated?: boolean;
  testId: string;
}

const KIND_LABEL = { json: 'JSON', text: 'Text', hex: 'Binary' } as const;

export function BodyView({ bodyBase64, truncated = false, testId }: BodyViewProps) {
  const decoded = useMemo(() => decodeBase64Body(bodyBase64, { truncated }), [bodyBase64, truncated]);

  if (!decoded.ok) return <Notice>{decoded.message}</Notice>;
  const { body } = decoded;
  return (
    <div className="body-view">
      <div className="body-meta">
        {body.totalBytes === 0 ? (
          <span>No body</span>
        ) : (
          <span>
            {KIND_LABEL[body.kind]} · {formatBytes(body.totalBytes)}
          </span>
        )}
        {body.clipped && (
          <span className="body-clipped-note">
            Showing the first {formatBytes(DISPLAY_LIMIT_BYTES)}
            {body.kind === 'json' ? ' of the formatted JSON' : ''} of {formatBytes(body.totalBytes)}
          </span>
        )}
      </div>
      {/* Rendered even when empty (CSS hides it) so the view kind stays queryable. */}
      <pre className={`payload payload-${body.kind}`} data-testid={testId} data-view={body.kind}>
        {body.text}
      </pre>
    </div>
  );
}
