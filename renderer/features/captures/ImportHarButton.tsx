import { Upload } from 'lucide-react';
import { type ChangeEvent, useRef, useState } from 'react';
import { describeError } from '../../client';
import { useInspector } from '../../state/StoresContext';

interface ImportHarButtonProps {
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/** Adds the entries of a HAR file as captures; they arrive in the list like any other. */
export function ImportHarButton({ onDone, onError }: ImportHarButtonProps) {
  const importHar = useInspector((s) => s.importHar);
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again still fires a change.
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const { imported } = await importHar(await file.text());
      onDone(`Imported ${imported} ${imported === 1 ? 'capture' : 'captures'} from ${file.name}.`);
    } catch (error) {
      onError(describeError(error, `Could not import ${file.name}.`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="import-har"
        disabled={busy}
        onClick={() => inputRef.current?.click()}
      >
        <Upload size={14} aria-hidden />
        {busy ? 'Importing…' : 'Import HAR'}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".har,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden
        data-testid="import-har-input"
        onChange={(event) => void onFile(event)}
      />
    </>
  );
}
