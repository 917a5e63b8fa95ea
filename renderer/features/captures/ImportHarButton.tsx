import { useState } from 'react';
import { describeError } from '../../client';
import { useInspector } from '../../state/StoresContext';
import { FilePicker } from '../../ui/FilePicker';

interface ImportHarButtonProps {
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/** Adds the entries of a HAR file as captures; they arrive in the list like any other. */
export function ImportHarButton({ onDone, onError }: ImportHarButtonProps) {
  const importHar = useInspector((s) => s.importHar);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File) => {
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
    <FilePicker
      accept=".har,application/json"
      onFile={(file) => void onFile(file)}
      disabled={busy}
      testId="import-har"
      inputTestId="import-har-input"
    >
      {busy ? 'Importing…' : 'Import HAR'}
    </FilePicker>
  );
}
