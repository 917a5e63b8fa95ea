import { ListX, Trash } from 'lucide-react';
import { useState } from 'react';
import { useCaptures } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Notice } from '../../ui/Notice';

export function CaptureToolbar() {
  const total = useCaptures((s) => s.total);
  const selectedId = useCaptures((s) => s.selectedId);
  const busy = useCaptures((s) => s.busy);
  const actionError = useCaptures((s) => s.actionError);
  const deleteSelected = useCaptures((s) => s.deleteSelected);
  const clearAll = useCaptures((s) => s.clearAll);
  const dismissActionError = useCaptures((s) => s.dismissActionError);
  const [confirming, setConfirming] = useState(false);

  const confirmClear = async () => {
    await clearAll();
    // On failure the error shows in the toolbar; the dialog closes either way.
    setConfirming(false);
  };

  return (
    <div className="toolbar">
      <h1 className="toolbar-title">Captures</h1>
      <div className="toolbar-actions">
        <button
          type="button"
          className="button"
          data-testid="delete-capture"
          disabled={selectedId === null || busy !== null}
          onClick={() => void deleteSelected()}
        >
          <Trash size={14} aria-hidden />
          Delete
        </button>
        <button
          type="button"
          className="button"
          data-testid="clear-all"
          disabled={total === 0 || busy !== null}
          onClick={() => setConfirming(true)}
        >
          <ListX size={14} aria-hidden />
          Clear all
        </button>
      </div>
      {actionError && <Notice onDismiss={dismissActionError}>{actionError}</Notice>}
      <ConfirmDialog
        open={confirming}
        title="Clear all captures?"
        confirmLabel={busy === 'clearing' ? 'Clearing…' : 'Clear all'}
        confirmTestId="confirm-clear"
        danger
        busy={busy === 'clearing'}
        onConfirm={() => void confirmClear()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          This deletes {total === 1 ? 'the stored capture' : `all ${total.toLocaleString()} stored captures`}{' '}
          for good. It cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
