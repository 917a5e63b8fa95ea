import { type KeyboardEvent, useEffect, useState } from 'react';
import { describeError } from '../../client';

interface NoteFieldProps {
  captureId: number;
  note: string | null;
  onSave: (note: string | null) => Promise<void>;
}

/** The capture's note, saved when the field loses focus or on Enter; Escape puts the saved text back. */
export function NoteField({ captureId, note, onSave }: NoteFieldProps) {
  const [text, setText] = useState(note ?? '');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | { error: string }>('idle');

  // The field follows the saved note when it changes (another window, or after saving here),
  // and starts over for another capture even when both notes are the same.
  // biome-ignore lint/correctness/useExhaustiveDependencies: captureId is the trigger, not an input
  useEffect(() => {
    setText(note ?? '');
    setStatus('idle');
  }, [captureId, note]);

  const save = () => {
    const next = text.trim() === '' ? null : text;
    if (next === (note ?? null)) return;
    setStatus('saving');
    onSave(next).then(
      () => setStatus('saved'),
      (error: unknown) => setStatus({ error: describeError(error, 'The note was not saved.') }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      setText(note ?? '');
    }
  };

  return (
    <span className="note-field">
      <input
        type="text"
        className="input note-input"
        data-testid="note-input"
        placeholder="Add a note…"
        aria-label="Note"
        maxLength={10_000}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setStatus('idle');
        }}
        onBlur={save}
        onKeyDown={onKeyDown}
      />
      <span className="note-status" aria-live="polite" data-testid="note-status">
        {status === 'saving'
          ? 'Saving…'
          : status === 'saved'
            ? 'Saved'
            : typeof status === 'object'
              ? status.error
              : ''}
      </span>
    </span>
  );
}
