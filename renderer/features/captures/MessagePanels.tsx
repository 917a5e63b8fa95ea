import type { CaptureDetail } from '../../../shared/domain';
import { headerValue } from '../../lib/contentType';
import { AnsweredBy } from './AnsweredBy';
import { bodyCutOf } from './body/BodyMetaLine';
import { BodyPanel } from './body/BodyPanel';
import { Findings } from './Findings';
import { HeadersTable } from './HeadersTable';

/** The request body, with what validation found about it on top (the Findings tab has the doctor). */
export function RequestBodyPanel({ detail }: { detail: CaptureDetail }) {
  return (
    <>
      <Findings findings={detail.findings} />
      <section className="detail-section" aria-label="Request body">
        <BodyPanel
          key={detail.id}
          captureId={detail.id}
          side="request"
          contentType={detail.contentType}
          cut={bodyCutOf(detail)}
          testId="body-view"
        />
      </section>
    </>
  );
}

export function RequestHeadersPanel({ detail }: { detail: CaptureDetail }) {
  return (
    <section className="detail-section" aria-label="Request headers">
      <h3 className="section-title">
        Headers <span className="count">{detail.headers.length}</span>
      </h3>
      <HeadersTable headers={detail.headers} testId="headers-table" label="Request headers" />
    </section>
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
        <BodyPanel
          key={detail.id}
          captureId={detail.id}
          side="response"
          contentType={headerValue(response.headers, 'content-type')}
          testId="response-body-view"
        />
      </section>
    </>
  );
}
