import { Download } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../client';
import { useRules } from '../../state/StoresContext';
import { FilePicker } from '../../ui/FilePicker';
import { ImportDialog, type ImportedFile } from './ImportDialog';

interface RuleTransferProps {
  onError: (message: string | null) => void;
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
  const checkRulesFile = useRules((s) => s.checkRulesFile);
  const ruleCount = useRules((s) => s.rules.length);
  const [pending, setPending] = useState<(ImportedFile & { text: string }) | null>(null);
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

  // The file is checked whole first: "replace or add?" is asked only about one that would import.
  const onFile = async (file: File) => {
    onError(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      onError(`Could not read ${file.name}.`);
      return;
    }
    try {
      const { rules, forwardTargets } = await checkRulesFile(text);
      setPending({ name: file.name, text, ruleCount: rules, forwardTargets });
    } catch (error) {
      onError(describeError(error, `Could not read ${file.name} as a rules file.`));
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
