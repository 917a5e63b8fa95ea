import type { CaptureDetail } from '../../../shared/domain';
import { Notice } from '../../ui/Notice';
import { type BodyCut, bodyCutOf } from './body/BodyMetaLine';

const FAULT_TEXT: Record<NonNullable<CaptureDetail['origin']['fault']>, string> = {
  close: 'the connection was closed without an answer',
  reset: 'the connection was reset',
  hang: 'no answer was sent (hang)',
  trickle: 'the answer was sent slowly (trickle)',
  'invalid-json': 'the body was deliberately broken JSON',
};

const OWN_ANSWER: Record<NonNullable<BodyCut>, string> = {
  'size-limit': 'Answered by the receiver itself: the body passed the size limit.',
  busy: 'Answered by the receiver itself: too many request bodies were arriving at once to hold this one too.',
  'ended-early': 'Answered by the receiver itself: the request did not arrive whole.',
};

/** Which responder rule produced this answer, the fault it injected, and what went wrong, if anything. */
export function AnsweredBy({ detail }: { detail: CaptureDetail }) {
  const { origin } = detail;
  return (
    <section className="detail-section" aria-label="Answered by">
      <p className="answered-by" data-testid="answered-by">
        {detail.response.status === 0 ? (
          'Nothing was answered: the connection ended before the request was complete.'
        ) : detail.truncated && origin.ruleId === null ? (
          OWN_ANSWER[bodyCutOf(detail) ?? 'ended-early']
        ) : origin.ruleName !== null ? (
          <>
            Answered by rule <strong>{origin.ruleName || 'Unnamed rule'}</strong>
          </>
        ) : origin.ruleId !== null ? (
          'Answered by a rule that has no name'
        ) : (
          'Answered by the fallback (no rule matched)'
        )}
      </p>
      {origin.fault && (
        <p className="answered-fault" data-testid="answered-fault">
          Fault: {origin.fault} — {FAULT_TEXT[origin.fault]}.
        </p>
      )}
      {origin.error && <Notice>{origin.error}</Notice>}
    </section>
  );
}
