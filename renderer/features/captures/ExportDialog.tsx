import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { describeError } from '../../client';
import { downloadFile } from '../../lib/download';
import { selectionIds } from '../../state/captureSelection';
import { useCaptures, useInspector } from '../../state/StoresContext';

type Format = 'har' | 'ndjson';
type Scope = 'selected' | 'matching';

interface ExportDialogProps {
  open: boolean;
  onClose: () => void;
  /** Plain words for the toolbar, e.g. "Exported 12 captures to hookbench-….har". */
  onDone: (message: string) => void;
}

/** Export the selected captures, or all matching the filter, as HAR or NDJSON: a file download. */
export function ExportDialog({ open, onClose, onDone }: ExportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const exportCaptures = useInspector((s) => s.exportCaptures);
  const filter = useCaptures((s) => s.filter);
  const matched = useCaptures((s) => s.matched);
  const selectedId = useCaptures((s) => s.selectedId);
  const selectedIds = useCaptures((s) => s.selectedIds);
  const selected = useMemo(
    () => selectionIds({ selectedId, selectedIds, anchorId: null }),
    [selectedId, selectedIds],
  );
  const [format, setFormat] = useState<Format>('har');
  const [scope, setScope] = useState<Scope>('matching');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The scope default is picked when the dialog opens, not whenever the selection changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on open/close only, on purpose
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      setScope(selected.length > 1 ? 'selected' : 'matching');
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const request =
        scope === 'selected' ? { ids: selected, format } : { ...(filter === '' ? {} : { filter }), format };
      const { fileName, text, count } = await exportCaptures(request);
      downloadFile(fileName, text, format === 'har' ? 'application/json' : 'application/x-ndjson');
      onDone(`Exported ${count} ${count === 1 ? 'capture' : 'captures'} to ${fileName}.`);
      onClose();
    } catch (reason) {
      setError(describeError(reason, 'Could not export the captures.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={titleId}
      data-testid="export-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId} className="confirm-dialog-title">
        Export captures
      </h2>
      <div className="confirm-dialog-body export-options">
        <fieldset>
          <legend>Which</legend>
          <label>
            <input
              type="radio"
              name="export-scope"
              data-testid="export-scope-selected"
              checked={scope === 'selected'}
              disabled={selected.length === 0}
              onChange={() => setScope('selected')}
            />
            Selected ({selected.length})
          </label>
          <label>
            <input
              type="radio"
              name="export-scope"
              data-testid="export-scope-matching"
              checked={scope === 'matching'}
              onChange={() => setScope('matching')}
            />
            {filter === '' ? `All (${matched})` : `All matching the filter (${matched})`}
          </label>
        </fieldset>
        <fieldset>
          <legend>Format</legend>
          <label>
            <input
              type="radio"
              name="export-format"
              data-testid="export-format-har"
              checked={format === 'har'}
              onChange={() => setFormat('har')}
            />
            HAR (HTTP Archive; authorization and cookie headers hidden)
          </label>
          <label>
            <input
              type="radio"
              name="export-format"
              data-testid="export-format-ndjson"
              checked={format === 'ndjson'}
              onChange={() => setFormat('ndjson')}
            />
            NDJSON (one capture a line, exact bytes)
          </label>
        </fieldset>
        {error && (
          <p className="filter-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="confirm-dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="export-confirm"
          onClick={() => void run()}
          disabled={busy}
        >
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </dialog>
  );
}
