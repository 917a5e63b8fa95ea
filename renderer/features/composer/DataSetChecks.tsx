import { Check, ListChecks, X } from 'lucide-react';
import { useState } from 'react';
import type { DataSetCheck } from '../../../shared/composer';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';

function Verdict({ valid }: { valid: boolean }) {
  return valid ? (
    <span className="composer-check-ok">
      <Check size={13} aria-hidden /> valid
    </span>
  ) : (
    <span className="composer-check-bad">
      <X size={13} aria-hidden /> broken
    </span>
  );
}

/** The open request against every data set at once: which samples break it, in which mode, and where. */
export function DataSetChecks() {
  const draft = useComposer((s) => s.draft);
  const checkDataSets = useComposer((s) => s.checkDataSets);
  const [result, setResult] = useState<{ checks: DataSetCheck[]; draftText: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The table stays after edits, marked as older than the request on screen.
  const stale = result !== null && result.draftText !== JSON.stringify(draft);
  const modeLabel = draft.bodyMode === 'raw' ? 'this mode (raw)' : 'JSON-safe';

  const run = async () => {
    setBusy(true);
    setError(null);
    const draftText = JSON.stringify(draft);
    try {
      setResult({ checks: await checkDataSets(), draftText });
    } catch (caught) {
      setError(describeError(caught, 'Could not check the data sets.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="composer-checks" aria-label="Check all data sets">
      <div className="composer-checks-head">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void run()}
          data-testid="check-datasets"
        >
          <ListChecks size={14} aria-hidden />
          Check all data sets
        </button>
        {stale && <span className="composer-hint">The request changed since: check again.</span>}
      </div>
      {error && (
        <p className="error-box composer-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <table className="composer-table" data-testid="dataset-checks">
          <thead>
            <tr>
              <th scope="col">Data set</th>
              <th scope="col">Valid {modeLabel}</th>
              <th scope="col">Valid raw (platform)</th>
              <th scope="col">First problem</th>
            </tr>
          </thead>
          <tbody>
            {result.checks.map((check) => (
              <tr key={check.dataSetId} data-testid="dataset-check-row">
                <th scope="row">{check.name}</th>
                <td>
                  <Verdict valid={check.valid} />
                </td>
                <td>
                  <Verdict valid={check.validRaw} />
                </td>
                <td>
                  {check.firstProblem === null
                    ? '—'
                    : `${check.firstProblem.line !== null ? `line ${check.firstProblem.line}, column ${check.firstProblem.column}: ` : ''}${check.firstProblem.message}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result?.checks.length === 0 && <p className="composer-hint">There are no data sets to check.</p>}
    </section>
  );
}
