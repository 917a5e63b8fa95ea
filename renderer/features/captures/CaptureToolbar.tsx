import { Activity, Download, ListX, Trash } from 'lucide-react';
import { useState } from 'react';
import { useCaptures } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Notice } from '../../ui/Notice';
import { ExportDialog } from './ExportDialog';
import { ImportCapturesButton } from './ImportCapturesButton';

interface CaptureToolbarProps {
  timelineOpen: boolean;
  onToggleTimeline: () => void;
}

export function CaptureToolbar({ timelineOpen, onToggleTimeline }: CaptureToolbarProps) {
  const total = useCaptures((s) => s.total);
  const selectedId = useCaptures((s) => s.selectedId);
  const selectedCount = useCaptures((s) => s.selectedIds.size);
  const busy = useCaptures((s) => s.busy);
  const actionError = useCaptures((s) => s.actionError);
  const deleteSelected = useCaptures((s) => s.deleteSelected);
  const clearAll = useCaptures((s) => s.clearAll);
  const dismissActionError = useCaptures((s) => s.dismissActionError);
  const [confirming, setConfirming] = useState<'clear' | 'delete' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const toDelete = selectedCount > 0 ? selectedCount : selectedId === null ? 0 : 1;

  const confirmClear = async () => {
    await clearAll();
    // On failure the error shows in the toolbar; the dialog closes either way.
    setConfirming(null);
  };

  const onDelete = () => {
    // One capture goes at once, as before; several ask first.
    if (toDelete > 1) setConfirming('delete');
    else void deleteSelected();
  };

  const confirmDelete = async () => {
    await deleteSelected();
    setConfirming(null);
  };

  return (
    <div className="toolbar">
      <h1 className="toolbar-title">Captures</h1>
      {message && (
        <output className="toolbar-message" data-testid="toolbar-message">
          {message}
        </output>
      )}
      <div className="toolbar-actions">
        <button
          type="button"
          className="button"
          data-testid="open-timeline"
          aria-pressed={timelineOpen}
          onClick={onToggleTimeline}
        >
          <Activity size={14} aria-hidden />
          SMS timeline
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-button"
          disabled={total === 0}
          onClick={() => {
            setMessage(null);
            setExporting(true);
          }}
        >
          <Download size={14} aria-hidden />
          Export
        </button>
        <ImportCapturesButton
          onDone={(text) => {
            setError(null);
            setMessage(text);
          }}
          onError={setError}
        />
        <button
          type="button"
          className="button"
          data-testid="delete-selected"
          disabled={toDelete === 0 || busy !== null}
          onClick={onDelete}
        >
          <Trash size={14} aria-hidden />
          {toDelete > 1 ? `Delete ${toDelete} selected` : 'Delete selected'}
        </button>
        <button
          type="button"
          className="button"
          data-testid="clear-all"
          disabled={total === 0 || busy !== null}
          onClick={() => setConfirming('clear')}
        >
          <ListX size={14} aria-hidden />
          Clear all
        </button>
      </div>
      {actionError && <Notice onDismiss={dismissActionError}>{actionError}</Notice>}
      {error && <Notice onDismiss={() => setError(null)}>{error}</Notice>}
      <ExportDialog open={exporting} onClose={() => setExporting(false)} onDone={setMessage} />
      <ConfirmDialog
        open={confirming === 'delete'}
        title={`Delete ${toDelete} captures?`}
        confirmLabel={busy === 'deleting' ? 'Deleting…' : 'Delete'}
        confirmTestId="confirm-delete-selected"
        danger
        busy={busy === 'deleting'}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setConfirming(null)}
      >
        <p>The {toDelete} selected captures are deleted for good. It cannot be undone.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'clear'}
        title="Clear all captures?"
        confirmLabel={busy === 'clearing' ? 'Clearing…' : 'Clear all'}
        confirmTestId="confirm-clear"
        danger
        busy={busy === 'clearing'}
        onConfirm={() => void confirmClear()}
        onCancel={() => setConfirming(null)}
      >
        <p>
          This deletes {total === 1 ? 'the stored capture' : `all ${total.toLocaleString()} stored captures`}{' '}
          for good. It cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
