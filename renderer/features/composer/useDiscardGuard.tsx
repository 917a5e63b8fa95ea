import { type ReactNode, useState } from 'react';
import { useComposer } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { draftDirty } from './drafts';

/**
 * Runs an action that replaces the request in the editor, asking first when the draft has
 * unsaved changes (they would be lost). Returns the guard and the dialog to render.
 */
export function useDiscardGuard(): [guard: (action: () => void) => void, dialog: ReactNode] {
  const dirty = useComposer((s) => draftDirty(s.draft, s.origin));
  const name = useComposer((s) => s.draft.name);
  const [pending, setPending] = useState<(() => void) | null>(null);

  const guard = (action: () => void) => {
    if (dirty) setPending(() => action);
    else action();
  };

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title="Discard unsaved changes?"
      confirmLabel="Discard"
      confirmTestId="composer-confirm-discard"
      danger
      onConfirm={() => {
        pending?.();
        setPending(null);
      }}
      onCancel={() => setPending(null)}
    >
      <p>
        “{name || 'Untitled request'}” has changes that are not saved. They are lost if you open another
        request.
      </p>
    </ConfirmDialog>
  );
  return [guard, dialog];
}
