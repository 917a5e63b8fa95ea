import { LoaderCircle } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CaptureSummary } from '../../../shared/domain';
import type { Rule, RulePreview as RulePreviewData } from '../../../shared/rules';
import { describeError } from '../../client';
import { formatTime } from '../../lib/format';
import { useCaptures, useRules } from '../../state/StoresContext';
import { PairsTable } from '../../ui/PairsTable';
import './rule-preview.css';

/** How many of the newest captures the picker offers. */
const RECENT_CAPTURES = 30;
/** How long edits must pause before the preview is asked for again. */
const PREVIEW_DELAY_MS = 300;

type Outcome =
  | { kind: 'ready'; preview: RulePreviewData }
  | { kind: 'failed'; message: string }
  | { kind: 'idle' };

const FAULT_TEXT: Record<NonNullable<RulePreviewData['fault']>, string> = {
  close: 'closes the connection without answering',
  reset: 'resets the connection (TCP RST)',
  hang: 'never answers',
  trickle: 'sends the response slowly, a few bytes at a time',
  'invalid-json': 'sends JSON that does not parse',
};

function captureLabel(capture: CaptureSummary): string {
  return `#${capture.id} ${capture.method} ${capture.path} — ${formatTime(capture.receivedAt)}`;
}

function PreviewResult({ preview }: { preview: RulePreviewData }) {
  if (!preview.matched) {
    return (
      <p className="preview-reason" data-testid="preview-reason">
        Does not match: {preview.reason ?? 'no reason given.'}
      </p>
    );
  }
  const silent = preview.fault === 'close' || preview.fault === 'reset' || preview.fault === 'hang';
  return (
    <>
      <p className="preview-matched" data-testid="preview-reason">
        Matches this request.
      </p>
      {preview.error && (
        <p className="error-box preview-error" role="alert" data-testid="preview-error">
          {preview.error}
        </p>
      )}
      <dl className="preview-facts">
        {!silent && (
          <div>
            <dt>Status</dt>
            <dd className="preview-status" data-testid="preview-status">
              {preview.status}
            </dd>
          </div>
        )}
        {preview.fault && (
          <div>
            <dt>Fault</dt>
            <dd data-testid="preview-fault">
              {preview.fault}: {FAULT_TEXT[preview.fault]}
            </dd>
          </div>
        )}
        <div>
          <dt>Delay</dt>
          <dd>{preview.delayMs > 0 ? `${preview.delayMs} ms` : 'none'}</dd>
        </div>
      </dl>
      {!silent && (
        <>
          <h4 className="preview-subtitle">Headers</h4>
          <PairsTable pairs={preview.headers} />
          <h4 className="preview-subtitle">Body</h4>
          <pre className="code-block preview-body" data-testid="preview-body">
            {preview.bodyText}
          </pre>
        </>
      )}
    </>
  );
}

/** What the rule being edited would answer to a captured request, updated as the draft changes. */
export function RulePreview({ draft }: { draft: Rule }) {
  const items = useCaptures((s) => s.items);
  const selectedCaptureId = useCaptures((s) => s.selectedId);
  const preview = useRules((s) => s.preview);
  const recent = useMemo(() => items.slice(0, RECENT_CAPTURES), [items]);
  const chosen = useRules((s) => s.previewCaptureId);
  const setChosen = useRules((s) => s.setPreviewCapture);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [pending, setPending] = useState(false);
  const generation = useRef(0);
  const selectId = useId();

  const has = (id: number | null) => id !== null && recent.some((capture) => capture.id === id);
  const captureId = has(chosen)
    ? chosen
    : has(selectedCaptureId)
      ? selectedCaptureId
      : (recent[0]?.id ?? null);
  // The draft object changes identity on every edit; its text says whether it really changed.
  const draftText = JSON.stringify(draft);

  useEffect(() => {
    const current = ++generation.current;
    if (captureId === null) {
      setOutcome({ kind: 'idle' });
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      preview(JSON.parse(draftText) as Rule, captureId).then(
        (result) => {
          if (current !== generation.current) return;
          setOutcome({ kind: 'ready', preview: result });
          setPending(false);
        },
        (error: unknown) => {
          if (current !== generation.current) return;
          setOutcome({ kind: 'failed', message: describeError(error, 'Could not preview this rule.') });
          setPending(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draftText, captureId, preview]);

  return (
    <section className="rule-preview" aria-labelledby={`${selectId}-title`} data-testid="rule-preview">
      <h3 id={`${selectId}-title`} className="rule-section-title">
        Preview
        {pending && <LoaderCircle size={12} className="spin" aria-label="Updating" />}
      </h3>
      {recent.length === 0 ? (
        <p className="muted">
          No captured requests yet. Send one to the receiver to preview this rule against it.
        </p>
      ) : (
        <>
          <label htmlFor={selectId} className="rule-field-label">
            Against the captured request
          </label>
          <select
            id={selectId}
            className="input"
            value={captureId ?? ''}
            onChange={(event) => setChosen(Number(event.target.value))}
            data-testid="preview-capture-select"
          >
            {recent.map((capture) => (
              <option key={capture.id} value={capture.id}>
                {captureLabel(capture)}
              </option>
            ))}
          </select>
          <p className="rule-field-hint">Unsaved edits are previewed too; nothing is sent or counted.</p>
          <div className="preview-result" aria-live="polite" aria-busy={pending}>
            {outcome.kind === 'ready' && <PreviewResult preview={outcome.preview} />}
            {outcome.kind === 'failed' && (
              <p className="error-box preview-error" role="alert" data-testid="preview-error">
                {outcome.message}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
