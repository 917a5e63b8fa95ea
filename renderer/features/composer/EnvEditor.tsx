import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';
import type { EnvRow } from './drafts';

/** `{{env.NAME}}` variables: previewed as typed, saved on demand (and before a send). */
export function EnvEditor() {
  const rows = useComposer((s) => s.envRows);
  const dirty = useComposer((s) => s.envDirty);
  const setRows = useComposer((s) => s.setEnvRows);
  const saveEnv = useComposer((s) => s.saveEnv);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (index: number, part: 0 | 1, text: string) =>
    setRows(rows.map((row, i): EnvRow => (i !== index ? row : part === 0 ? [text, row[1]] : [row[0], text])));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveEnv();
    } catch (caught) {
      setError(describeError(caught, 'Could not save the env variables.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="composer-block" aria-labelledby="composer-env-title">
      <div className="composer-block-head">
        <h2 id="composer-env-title" className="composer-block-title">
          Env variables
        </h2>
        <button
          type="button"
          className="button button-small"
          disabled={!dirty || busy}
          onClick={() => void save()}
          data-testid="env-save"
        >
          {dirty ? 'Save' : 'Saved'}
        </button>
      </div>
      <p className="composer-hint">
        <code>{'{{env.NAME}}'}</code> in any template. Not exported with collections (they hold tokens).
      </p>
      {rows.map(([name, value], index) => (
        // Rows have no identity but their place while a name is being typed.
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by index
        <div className="composer-env-row" key={index} data-testid="env-row">
          <input
            className="input input-mono composer-input-small"
            value={name}
            placeholder="NAME"
            aria-label={`Env variable ${index + 1}: name`}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit(index, 0, event.target.value)}
          />
          <input
            className="input input-mono composer-input-small"
            value={value}
            placeholder="value"
            aria-label={`Env variable ${name || index + 1}: value`}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit(index, 1, event.target.value)}
          />
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={`Remove ${name || `variable ${index + 1}`}`}
            title="Remove"
            onClick={() => setRows(rows.filter((_, i) => i !== index))}
          >
            <X size={13} aria-hidden />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small composer-add"
        onClick={() => setRows([...rows, ['', '']])}
      >
        <Plus size={13} aria-hidden />
        Add variable
      </button>
      {error && (
        <p className="error-box composer-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
