import { useState } from 'react';
import { describeError } from '../../client';
import { useInspector } from '../../state/StoresContext';
import { FilePicker } from '../../ui/FilePicker';

interface ImportCapturesButtonProps {
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/** Adds the captures of a HAR file or an NDJSON export; they arrive in the list like any other. */
export function ImportCapturesButton({ onDone, onError }: ImportCapturesButtonProps) {
  const importCaptures = useInspector((s) => s.importCaptures);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File) => {
    setBusy(true);
    try {
      const { imported } = await importCaptures(await file.text());
      onDone(`Imported ${imported} ${imported === 1 ? 'capture' : 'captures'} from ${file.name}.`);
    } catch (error) {
      onError(describeError(error, `Could not import ${file.name}.`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FilePicker
      accept=".har,.ndjson,.json,application/json"
      onFile={(file) => void onFile(file)}
      disabled={busy}
      testId="import-captures"
      inputTestId="import-captures-input"
    >
      {busy ? 'Importing…' : 'Import'}
    </FilePicker>
  );
}
