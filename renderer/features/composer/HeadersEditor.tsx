import { Plus, X } from 'lucide-react';
import type { HeaderTemplate, RequestPreview } from '../../../shared/composer';
import { useComposer } from '../../state/StoresContext';
import { PartProblems } from './PartProblems';

/** Header rows: a name and a text-mode value template each; order and repeats are kept, as sent. */
export function HeadersEditor({ preview }: { preview: RequestPreview | null }) {
  const headers = useComposer((s) => s.draft.headers);
  const editDraft = useComposer((s) => s.editDraft);
  const setHeaders = (next: HeaderTemplate[]) => editDraft({ headers: next });
  const edit = (index: number, patch: Partial<HeaderTemplate>) =>
    setHeaders(headers.map((header, i) => (i === index ? { ...header, ...patch } : header)));

  return (
    <section className="composer-section" aria-labelledby="composer-headers-title">
      <h3 id="composer-headers-title" className="composer-section-title">
        Headers
      </h3>
      {headers.length === 0 && (
        <p className="composer-hint">
          No headers of your own. Content-Type and auth headers are added for you.
        </p>
      )}
      {headers.map((header, index) => (
        // Rows have no identity but their place; repeated names are legitimate.
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by index
        <div className="composer-pair" key={index} data-testid="composer-header-row">
          <input
            className="input input-mono"
            value={header.name}
            placeholder="Header name"
            aria-label={`Header ${index + 1}: name`}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit(index, { name: event.target.value })}
          />
          <input
            className="input input-mono"
            value={header.valueTemplate}
            placeholder="Value template, e.g. Bearer {{env.TOKEN}}"
            aria-label={`Header ${header.name || index + 1}: value template`}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit(index, { valueTemplate: event.target.value })}
          />
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={`Remove header ${header.name || index + 1}`}
            title="Remove"
            onClick={() => setHeaders(headers.filter((_, i) => i !== index))}
          >
            <X size={14} aria-hidden />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small composer-add"
        onClick={() => setHeaders([...headers, { name: '', valueTemplate: '' }])}
        data-testid="composer-add-header"
      >
        <Plus size={14} aria-hidden />
        Add header
      </button>
      <PartProblems preview={preview} parts={['header']} label="Header problems" testId="header-problems" />
    </section>
  );
}
