import { type ReactNode, useState } from 'react';
import { useComposer } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { draftDirty } from './drafts';

/**
 * Runs an action that replaces what is in the editor, asking first when that has unsaved changes
 * (they would be lost). `request`: opening another request replaces the request and its data;
 * `data`: choosing another data set (or a capture as sample data) replaces only the data.
 * Returns the guard and the dialog to render.
 */
export function useDiscardGuard(
  scope: 'request' | 'data' = 'request',
): [guard: (action: () => void) => void, dialog: ReactNode] {
  const requestDirty = useComposer((s) => scope === 'request' && draftDirty(s.draft, s.origin));
  const dataDirty = useComposer((s) => s.data.dirty);
  const requestName = useComposer((s) => s.draft.name);
  const dataName = useComposer((s) => s.data.name);
  const [pending, setPending] = useState<(() => void) | null>(null);

  const guard = (action: () => void) => {
    if (requestDirty || dataDirty) setPending(() => action);
    else action();
  };

  const unsaved = [
    requestDirty && `the request “${requestName || 'Untitled request'}”`,
    dataDirty && (dataName ? `the data set “${dataName}”` : 'the data in the editor'),
  ].filter(Boolean);
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
        Changes to {unsaved.join(' and ')} are not saved. They are lost if you open{' '}
        {scope === 'request' ? 'another request' : 'other data'}.
      </p>
    </ConfirmDialog>
  );
  return [guard, dialog];
}
