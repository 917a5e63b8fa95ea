import { Download } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../client';
import { useRules } from '../../state/StoresContext';
import { FilePicker } from '../../ui/FilePicker';
import { ImportDialog } from './ImportDialog';

interface RuleTransferProps {
  onError: (message: string | null) => void;
}

/** The number of rules in an export file, for the import question; null when it cannot tell. */
function countRules(text: string): number | null {
  try {
    const document: unknown = JSON.parse(text);
    if (typeof document === 'object' && document !== null && 'rules' in document) {
      const { rules } = document;
      return Array.isArray(rules) ? rules.length : null;
    }
  } catch {
    // The core says what is wrong with the file when it is imported.
  }
  return null;
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download synchronously; the object URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export the rules to hookbench-rules.json, and import such a file (replace or append). */
export function RuleTransfer({ onError }: RuleTransferProps) {
  const exportRules = useRules((s) => s.exportRules);
  const importRules = useRules((s) => s.importRules);
  const ruleCount = useRules((s) => s.rules.length);
  const [pending, setPending] = useState<{ name: string; text: string; ruleCount: number | null } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const onExport = async () => {
    onError(null);
    try {
      const { fileName, text } = await exportRules();
      download(fileName, text);
    } catch (error) {
      onError(describeError(error, 'Could not export the rules.'));
    }
  };

  const onFile = async (file: File) => {
    onError(null);
    try {
      const text = await file.text();
      setPending({ name: file.name, text, ruleCount: countRules(text) });
    } catch {
      onError(`Could not read ${file.name}.`);
    }
  };

  const onChoose = async (replace: boolean) => {
    if (!pending) return;
    setBusy(true);
    try {
      await importRules(pending.text, replace);
      setPending(null);
    } catch (error) {
      setPending(null);
      onError(describeError(error, 'Could not import the rules.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void onExport()} data-testid="export-rules">
        <Download size={14} aria-hidden />
        Export
      </button>
      <FilePicker
        accept=".json,application/json"
        onFile={(file) => void onFile(file)}
        testId="import-rules"
        inputTestId="import-file-input"
      >
        Import
      </FilePicker>
      <ImportDialog
        file={pending}
        busy={busy}
        currentCount={ruleCount}
        onChoose={(replace) => void onChoose(replace)}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
