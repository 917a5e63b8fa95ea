import type { HttpExchange, HttpTimings } from '../../../shared/composer';
import { formatMs } from '../../lib/format';
import { BodyBlock } from '../../ui/BodyBlock';
import { PairsTable } from '../../ui/PairsTable';
import { statusTone } from './bodyText';

/** The Replay screen's look for a body. */
const BODY_CLASSES = { block: 'replay-body', head: 'replay-body-head', pre: 'replay-pre', muted: 'muted' };

const PHASES: readonly { key: keyof Omit<HttpTimings, 'reusedConnection'>; label: string }[] = [
  { key: 'dnsMs', label: 'DNS' },
  { key: 'connectMs', label: 'Connect' },
  { key: 'tlsMs', label: 'TLS' },
  { key: 'firstByteMs', label: 'First byte' },
  { key: 'totalMs', label: 'Total' },
];

/** Milliseconds from the start to each point, like curl's -w times; a phase that did not happen shows —. */
export function TimingsView({ timings }: { timings: HttpTimings }) {
  return (
    <div>
      <dl className="replay-timings" data-testid="replay-timings">
        {PHASES.map(({ key, label }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{formatMs(timings[key])}</dd>
          </div>
        ))}
      </dl>
      {timings.reusedConnection && <p className="muted">Sent over a connection opened earlier.</p>}
    </div>
  );
}

/** What a replay sent, what came back (or why nothing did), and how long it took. */
export function ExchangeView({ exchange }: { exchange: HttpExchange }) {
  const { request, response, error } = exchange;
  return (
    <div className="replay-exchange" data-testid="replay-exchange">
      <section className="replay-exchange-part" aria-label="Request sent">
        <h3 className="replay-subtitle">Request sent</h3>
        <p className="replay-request-line">
          <span className="replay-method">{request.method}</span>{' '}
          <span className="replay-url">{request.url}</span>
        </p>
        <PairsTable
          pairs={request.headers}
          label="Request headers"
          empty="No headers."
          className="replay-headers"
        />
        <BodyBlock
          classes={BODY_CLASSES}
          base64={request.bodyBase64}
          label="request body"
          testId="replay-request-body"
        />
      </section>
      <section className="replay-exchange-part" aria-label="Response">
        <h3 className="replay-subtitle">Response</h3>
        {response ? (
          <>
            <p className="replay-request-line">
              <span
                className={`replay-status replay-status-${statusTone(response.status)}`}
                data-testid="replay-response-status"
              >
                {response.status} {response.statusText}
              </span>
            </p>
            <PairsTable
              pairs={response.headers}
              label="Response headers"
              empty="No headers."
              className="replay-headers"
            />
            <BodyBlock
              classes={BODY_CLASSES}
              base64={response.bodyBase64}
              headers={response.headers}
              label="response body"
              testId="replay-response-body"
            />
            {response.truncated && (
              <p className="muted">Only the first part of the {response.bodySize}-byte body was kept.</p>
            )}
          </>
        ) : (
          <p className="replay-error-text" data-testid="replay-response-error">
            No answer: {error?.message ?? 'the request failed.'}
          </p>
        )}
        {exchange.redirects.length > 0 && (
          <ol className="replay-redirects" aria-label="Redirects followed">
            {exchange.redirects.map((redirect, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: redirects are a fixed list in the order followed
              <li key={index}>
                {redirect.status} → {redirect.url}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="replay-exchange-part" aria-label="Timings">
        <h3 className="replay-subtitle">Timings</h3>
        <TimingsView timings={exchange.timings} />
      </section>
    </div>
  );
}
