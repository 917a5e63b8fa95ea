import type { CaptureDetail } from '../../../shared/domain';
import { AnsweredBy } from './AnsweredBy';
import { BodyView } from './BodyView';
import { Findings } from './Findings';
import { HeadersTable } from './HeadersTable';

export function RequestPanel({ detail }: { detail: CaptureDetail }) {
  return (
    <>
      <Findings findings={detail.findings} />
      <section className="detail-section" aria-label="Request headers">
        <h3 className="section-title">
          Headers <span className="count">{detail.headers.length}</span>
        </h3>
        <HeadersTable headers={detail.headers} testId="headers-table" label="Request headers" />
      </section>
      <section className="detail-section" aria-label="Request body">
        <h3 className="section-title">Body</h3>
        <BodyView bodyBase64={detail.bodyBase64} truncated={detail.truncated} testId="body-view" />
      </section>
    </>
  );
}

export function ResponsePanel({ detail }: { detail: CaptureDetail }) {
  const { response } = detail;
  return (
    <>
      <AnsweredBy detail={detail} />
      <section className="detail-section" aria-label="Response status">
        <h3 className="section-title">Status</h3>
        <p className="response-status" data-testid="response-status">
          {response.status}
        </p>
      </section>
      <section className="detail-section" aria-label="Response headers">
        <h3 className="section-title">
          Headers <span className="count">{response.headers.length}</span>
        </h3>
        <HeadersTable headers={response.headers} testId="response-headers-table" label="Response headers" />
      </section>
      <section className="detail-section" aria-label="Response body">
        <h3 className="section-title">Body</h3>
        <BodyView bodyBase64={response.bodyBase64} testId="response-body-view" />
      </section>
    </>
  );
}
