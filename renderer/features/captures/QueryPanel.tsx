import { useMemo } from 'react';
import type { CaptureDetail } from '../../../shared/domain';
import { parseUrlEncoded, queryString } from '../../lib/formUrlEncoded';
import { FieldsTable } from './body/FieldsTable';

/** The query string's fields in order, repeats kept, decoded; the raw query underneath. */
export function QueryPanel({ detail }: { detail: CaptureDetail }) {
  const query = queryString(detail.path);
  const fields = useMemo(() => parseUrlEncoded(query), [query]);
  return (
    <section className="detail-section" aria-label="Query string">
      <h3 className="section-title">
        Query <span className="count">{fields.length}</span>
      </h3>
      {query === '' ? (
        <p className="muted" data-testid="query-empty">
          No query string.
        </p>
      ) : (
        <>
          <FieldsTable fields={fields} testId="query-table" view="query" />
          <p className="query-raw">
            <span className="muted">As sent: </span>
            <code>?{query}</code>
          </p>
        </>
      )}
    </section>
  );
}
