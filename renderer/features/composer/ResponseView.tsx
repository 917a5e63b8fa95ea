import type { HttpExchange } from '../../../shared/composer';
import { formatDateTime, formatMs } from '../../lib/format';
import { useComposer } from '../../state/StoresContext';
import { BodyBlock } from '../../ui/BodyBlock';
import { PairsTable } from '../../ui/PairsTable';
import { httpErrorHint } from './composerFormat';
import { TimingBars } from './TimingBars';

/** The Composer's look for a body. */
const BODY_CLASSES = {
  block: 'composer-body-block',
  head: 'composer-body-head',
  pre: 'composer-code',
  muted: 'composer-hint',
};

function statusTone(status: number): string {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 400) return 'redirect';
  return 'bad';
}

function Exchange({ exchange }: { exchange: HttpExchange }) {
  const { response, error, request } = exchange;
  return (
    <>
      {response ? (
        <p className="composer-response-line">
          <span
            className={`composer-status composer-status-${statusTone(response.status)}`}
            data-testid="composer-response-status"
          >
            {response.status}
          </span>
          <span>{response.statusText}</span>
          <span className="composer-hint">in {formatMs(exchange.timings.totalMs)}</span>
        </p>
      ) : (
        <div className="error-box composer-error" role="alert" data-testid="composer-send-error">
          <p>
            <strong>No answer:</strong> {error?.message ?? 'the request failed.'}
          </p>
          {error && <p>{httpErrorHint(error.code)}</p>}
        </div>
      )}
      {exchange.redirects.length > 0 && (
        <>
          <h4 className="composer-subtitle">Redirects followed</h4>
          <ol className="composer-redirects">
            {exchange.redirects.map((redirect, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: redirects are a fixed list in the order followed
              <li key={index}>
                {redirect.status} → {redirect.url}
              </li>
            ))}
          </ol>
        </>
      )}
      {response && (
        <>
          <h4 className="composer-subtitle">Response headers</h4>
          <PairsTable
            pairs={response.headers}
            label="Response headers"
            empty="No headers."
            emptyClassName="composer-hint"
          />
          <h4 className="composer-subtitle">Response body</h4>
          <BodyBlock
            classes={BODY_CLASSES}
            base64={response.bodyBase64}
            headers={response.headers}
            testId="composer-response-body"
            label="the response body"
          />
          {response.truncated && (
            <p className="composer-hint">
              Only the first part of the {response.bodySize}-byte body was kept.
            </p>
          )}
        </>
      )}
      <h4 className="composer-subtitle">Timings</h4>
      <TimingBars timings={exchange.timings} />
      <details className="composer-sent">
        <summary>
          Request sent: {request.method} {request.url}
        </summary>
        <PairsTable
          pairs={request.headers}
          label="Headers sent"
          empty="No headers."
          emptyClassName="composer-hint"
        />
        <BodyBlock
          classes={BODY_CLASSES}
          base64={request.bodyBase64}
          testId="composer-sent-body"
          label="the request body"
        />
      </details>
    </>
  );
}

/** The last send (or the history entry opened): status, headers, body, timings, or why it failed. */
export function ResponseView() {
  const entry = useComposer((s) => s.entry);
  const sendError = useComposer((s) => s.sendError);
  return (
    <div className="composer-response" data-testid="composer-response">
      {sendError && (
        <p className="error-box composer-error" role="alert" data-testid="composer-send-error">
          {sendError}
        </p>
      )}
      {entry ? (
        <>
          <p className="composer-hint">
            {entry.requestName} · sent {formatDateTime(entry.exchange.startedAt)}
          </p>
          <Exchange exchange={entry.exchange} />
        </>
      ) : (
        !sendError && <p className="composer-hint">Send the request to see the answer here.</p>
      )}
    </div>
  );
}
