import { useEffect, useId, useRef } from 'react';

/** A rules file read and checked, about to be imported. */
export interface ImportedFile {
  name: string;
  ruleCount: number | null;
  /** Where its rules forward matching requests (said before anything is imported). */
  forwardTargets: { url: string; enabled: boolean }[];
}

interface ImportDialogProps {
  /** The chosen file; the dialog is open while this is set. */
  file: ImportedFile | null;
  busy: boolean;
  currentCount: number;
  onChoose: (replace: boolean) => void;
  onCancel: () => void;
}

/** Asks whether an imported file replaces the rules or is added after them. */
export function ImportDialog({ file, busy, currentCount, onChoose, onCancel }: ImportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (file && !dialog.open) dialog.showModal();
    if (!file && dialog.open) dialog.close();
  }, [file]);

  const counted =
    file?.ruleCount === null || file?.ruleCount === undefined
      ? 'its rules'
      : `its ${file.ruleCount} rule${file.ruleCount === 1 ? '' : 's'}`;

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="confirm-dialog-title">
        Import {file?.name ?? 'rules'}
      </h2>
      <div className="confirm-dialog-body">
        <p>
          Replace the {currentCount} current rule{currentCount === 1 ? '' : 's'} and the fallback with the
          file’s, or add {counted} after the current ones?
        </p>
        {file && file.forwardTargets.length > 0 && (
          <div className="import-forward-warning" role="note" data-testid="import-forward-targets">
            <p>
              Its rules forward a copy of every request they match to{' '}
              {file.forwardTargets.length === 1 ? 'this server' : 'these servers'}:
            </p>
            <ul>
              {file.forwardTargets.map(({ url, enabled }) => (
                <li key={url}>
                  <code>{url}</code>
                  {!enabled && ' — from disabled rules: once one is enabled'}
                </li>
              ))}
            </ul>
            <p>
              Import only if you trust {file.forwardTargets.length === 1 ? 'it' : 'them'} with what you
              receive.
            </p>
          </div>
        )}
      </div>
      <div className="confirm-dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onChoose(false)}
          disabled={busy}
          data-testid="import-append"
        >
          Add after
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => onChoose(true)}
          disabled={busy}
          data-testid="import-replace"
        >
          Replace
        </button>
      </div>
    </dialog>
  );
}
