import { RefreshCw, Send } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { CaptureSummary } from '../../../shared/domain';
import type { ReplayEdit, ReplayRecord } from '../../../shared/replay';
import { describeError } from '../../client';
import { formatTime } from '../../lib/format';
import { useReplay } from '../../state/StoresContext';
import { type EditDraft, editFromDraft, replayUrl, targetFromDraft } from './drafts';
import { EditBeforeReplay } from './EditBeforeReplay';
import { Check, Field, RunButton, Section, SimError } from './fields';
import { useFormField } from './useFormField';

function captureLabel(capture: CaptureSummary): string {
  const time = formatTime(capture.receivedAt);
  return `#${capture.id}  ${capture.method} ${capture.path}  → ${capture.status}  ${time}`;
}

/** One capture, optionally edited, sent once; the result opens on the right. */
export function SingleReplay({ onReplayed }: { onReplayed: (record: ReplayRecord) => void }) {
  const captureId = useReplay((s) => s.captureId);
  const setCaptureId = useReplay((s) => s.setCaptureId);
  const target = useReplay((s) => s.target);
  const recentCaptures = useReplay((s) => s.recentCaptures);
  const getCapture = useReplay((s) => s.getCapture);
  const replayOne = useReplay((s) => s.replayOne);

  const [captures, setCaptures] = useState<CaptureSummary[]>([]);
  const [listError, setListError] = useState<string | null>(null);
  // A capture chosen on another screen can be older than the recent ones listed here.
  const [older, setOlder] = useState<CaptureSummary | null>(null);
  const [editing, setEditing] = useFormField('single.editing', false);
  const [draft, setDraft] = useFormField<EditDraft | null>('single.draft', null);
  // In the store too: a replay still in flight when the screen was left shows as sending on return.
  const [sending, setSending] = useFormField('single.sending', false);
  const [error, setError] = useFormField<string | null>('single.error', null);

  const reload = useCallback(() => {
    recentCaptures().then(
      (items) => {
        setCaptures(items);
        setListError(null);
      },
      (failure: unknown) => setListError(describeError(failure, 'Could not list the captures.')),
    );
  }, [recentCaptures]);

  useEffect(reload, [reload]);

  // With nothing chosen yet, the newest capture is the likeliest one to resend.
  useEffect(() => {
    const newest = captures[0];
    if (captureId === null && newest) setCaptureId(newest.id);
  }, [captureId, captures, setCaptureId]);

  useEffect(() => {
    if (captureId === null || captures.some((capture) => capture.id === captureId)) return;
    let live = true;
    getCapture(captureId).then(
      (capture) => live && setOlder(capture),
      () => live && setOlder(null),
    );
    return () => {
      live = false;
    };
  }, [captureId, captures, getCapture]);

  const options = older && !captures.some((c) => c.id === older.id) ? [older, ...captures] : captures;
  const chosen = options.find((capture) => capture.id === captureId) ?? null;
  const preview = chosen ? replayUrl(target.targetUrl, target.rebase, chosen.path) : null;

  const send = async () => {
    setError(null);
    if (captureId === null) return setError('Choose a capture to replay.');
    const checked = targetFromDraft(target);
    if (!checked.ok) return setError(checked.error);
    let edit: ReplayEdit | undefined;
    if (editing && draft?.captureId === captureId) {
      const edited = editFromDraft(draft);
      if (!edited.ok) return setError(edited.error);
      edit = edited.value;
    }
    setSending(true);
    try {
      onReplayed(await replayOne({ captureId, target: checked.value, ...(edit ? { edit } : {}) }));
    } catch (failure) {
      setError(describeError(failure, 'The replay could not be sent.'));
    } finally {
      setSending(false);
    }
  };

  return (
    <Section
      title="One capture"
      actions={
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={reload}
          title="Reload the list of captures"
          aria-label="Reload the list of captures"
        >
          <RefreshCw size={14} aria-hidden />
        </button>
      }
    >
      <Field
        label="Capture"
        hint={listError ?? (chosen && preview ? `Goes to ${preview}` : 'The newest 100 captures.')}
      >
        {(id, hintId) => (
          <select
            id={id}
            className="input input-mono"
            value={captureId ?? ''}
            aria-describedby={hintId}
            data-testid="replay-capture-select"
            onChange={(event) => setCaptureId(event.target.value === '' ? null : Number(event.target.value))}
          >
            {options.length === 0 && <option value="">No captures yet</option>}
            {options.map((capture) => (
              <option key={capture.id} value={capture.id}>
                {captureLabel(capture)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Check
        checked={editing}
        onChange={setEditing}
        testId="replay-edit-toggle"
        disabled={captureId === null}
      >
        Edit before replay
      </Check>
      {editing && captureId !== null && (
        <EditBeforeReplay captureId={captureId} draft={draft} onChange={setDraft} targetPreview={preview} />
      )}
      <SimError message={error} onDismiss={() => setError(null)} testId="replay-error" />
      <div className="replay-actions">
        <RunButton
          running={sending}
          disabled={captureId === null}
          onClick={() => void send()}
          testId="replay-send"
          runningLabel="Sending…"
        >
          <Send size={14} aria-hidden />
          {editing ? 'Send edited replay' : 'Send'}
        </RunButton>
      </div>
    </Section>
  );
}
