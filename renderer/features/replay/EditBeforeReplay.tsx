import { LoaderCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { describeError } from '../../client';
import { bodyText } from '../../lib/bodyText';
import { useReplay } from '../../state/StoresContext';
import { type EditDraft, formatHeaderLines, usesCrlf } from './drafts';
import { Field } from './fields';

interface EditBeforeReplayProps {
  captureId: number;
  draft: EditDraft | null;
  onChange: (draft: EditDraft | null) => void;
  /** Where the unedited replay would go, for the URL's placeholder. */
  targetPreview: string | null;
}

/** Method, URL, headers and body of one replay, prefilled from the capture. */
export function EditBeforeReplay({ captureId, draft, onChange, targetPreview }: EditBeforeReplayProps) {
  const getCapture = useReplay((s) => s.getCapture);
  const [loadError, setLoadError] = useState<string | null>(null);
  const current = draft?.captureId === captureId ? draft : null;

  useEffect(() => {
    if (current) return;
    let live = true;
    setLoadError(null);
    getCapture(captureId).then(
      (capture) => {
        if (!live) return;
        if (!capture) {
          setLoadError(`Capture #${captureId} no longer exists.`);
          return;
        }
        const body = bodyText(capture.bodyBase64);
        const headers = formatHeaderLines(capture.headers);
        const text = body.isText ? body.text : '';
        onChange({
          captureId,
          method: capture.method,
          url: '',
          headers,
          body: text,
          bodyIsText: body.isText,
          original: { method: capture.method, headers, body: text },
        });
      },
      (error: unknown) => live && setLoadError(describeError(error, 'Could not load the capture.')),
    );
    return () => {
      live = false;
    };
  }, [captureId, current, getCapture, onChange]);

  if (loadError) return <p className="replay-error-text">{loadError}</p>;
  if (!current) {
    return (
      <p className="muted replay-inline">
        <LoaderCircle size={14} className="spin" aria-hidden /> Loading the capture…
      </p>
    );
  }
  const set = (patch: Partial<EditDraft>) => onChange({ ...current, ...patch });
  return (
    <div className="replay-edit" data-testid="replay-edit">
      <p className="replay-field-hint">
        Only this replay is changed: the capture keeps its original bytes. Host and Content-Length are set for
        the target.
      </p>
      <div className="replay-grid replay-grid-method">
        <Field label="Method">
          {(id) => (
            <input
              id={id}
              className="input input-mono"
              value={current.method}
              spellCheck={false}
              autoComplete="off"
              data-testid="replay-edit-method"
              onChange={(event) => set({ method: event.target.value })}
            />
          )}
        </Field>
        <Field label="URL" hint="Empty: the target above decides.">
          {(id, hintId) => (
            <input
              id={id}
              className="input input-mono"
              value={current.url}
              placeholder={targetPreview ?? 'http://127.0.0.1:3000/hook'}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={hintId}
              data-testid="replay-edit-url"
              onChange={(event) => set({ url: event.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label="Headers" hint="One “Name: value” per line; these replace the captured headers.">
        {(id, hintId) => (
          <textarea
            id={id}
            className="input replay-textarea input-mono"
            rows={5}
            value={current.headers}
            spellCheck={false}
            aria-describedby={hintId}
            data-testid="replay-edit-headers"
            onChange={(event) => set({ headers: event.target.value })}
          />
        )}
      </Field>
      <Field
        label="Body"
        hint={
          !current.bodyIsText
            ? 'The captured body is not text: it is sent unchanged unless you type a new one here.'
            : usesCrlf(current.original.body)
              ? 'Line breaks go out as CRLF, as the capture has them.'
              : undefined
        }
      >
        {(id, hintId) => (
          <textarea
            id={id}
            className="input replay-textarea input-mono"
            rows={6}
            value={current.body}
            spellCheck={false}
            aria-describedby={hintId}
            data-testid="replay-edit-body"
            onChange={(event) => set({ body: event.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
