import { Upload } from 'lucide-react';
import { type ChangeEvent, useRef, useState } from 'react';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';
import type { ScreenMessage } from './composerFormat';

interface CollectionImportProps {
  /** Reports the outcome (or what went wrong) in words. */
  onMessage: (message: ScreenMessage) => void;
  disabled?: boolean;
}

/** Imports an exported collection file; its requests and data sets get fresh ids, so nothing is overwritten. */
export function CollectionImport({ onMessage, disabled = false }: CollectionImportProps) {
  const importCollection = useComposer((s) => s.importCollection);
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again still fires a change.
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const imported = await importCollection(await file.text());
      onMessage({
        text: `Imported ${imported} request${imported === 1 ? '' : 's'} from ${file.name}.`,
        error: false,
      });
    } catch (error) {
      onMessage({ text: describeError(error, `Could not import ${file.name}.`), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={disabled || busy}
        onClick={() => inputRef.current?.click()}
        data-testid="composer-import"
      >
        <Upload size={14} aria-hidden />
        Import collection
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden
        onChange={(event) => void onFile(event)}
        data-testid="composer-import-input"
      />
    </>
  );
}
