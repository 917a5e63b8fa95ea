import { useState } from 'react';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';
import { FilePicker } from '../../ui/FilePicker';
import type { ScreenMessage } from './composerFormat';

interface CollectionImportProps {
  /** Reports the outcome (or what went wrong) in words. */
  onMessage: (message: ScreenMessage) => void;
  disabled?: boolean;
}

/** Imports an exported collection file; its requests and data sets get fresh ids, so nothing is overwritten. */
export function CollectionImport({ onMessage, disabled = false }: CollectionImportProps) {
  const importCollection = useComposer((s) => s.importCollection);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File) => {
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
    <FilePicker
      accept=".json,application/json"
      onFile={(file) => void onFile(file)}
      disabled={disabled || busy}
      testId="composer-import"
      inputTestId="composer-import-input"
    >
      Import collection
    </FilePicker>
  );
}
