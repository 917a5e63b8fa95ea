import { Plus, X } from 'lucide-react';
import type { HeaderPair } from '../../../shared/domain';

interface HeaderPairsEditorProps {
  headers: readonly HeaderPair[];
  onChange: (headers: HeaderPair[]) => void;
  /** Names the list for assistive technology: "Response headers". */
  label: string;
  /** Header values are templates in rule responses, plain text in the fallback. */
  valuePlaceholder?: string;
}

/** Response headers as name/value rows; order and repeats are kept, as they are sent. */
export function HeaderPairsEditor({
  headers,
  onChange,
  label,
  valuePlaceholder = 'Value',
}: HeaderPairsEditorProps) {
  const edit = (index: number, part: 0 | 1, text: string) =>
    onChange(
      headers.map((pair, i): HeaderPair => {
        if (i !== index) return pair;
        return part === 0 ? [text, pair[1]] : [pair[0], text];
      }),
    );

  return (
    <fieldset className="rule-rows">
      <legend className="rule-rows-legend">{label}</legend>
      {headers.length === 0 && <p className="muted rule-rows-empty">No headers.</p>}
      {headers.map(([name, value], index) => (
        // Rows have no identity but their place; repeated names are legitimate.
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by index
        <div className="rule-row-inputs rule-row-inputs-pair" key={index}>
          <input
            className="input input-mono"
            value={name}
            placeholder="Header name"
            aria-label={`${label}: name ${index + 1}`}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit(index, 0, event.target.value)}
          />
          <input
            className="input input-mono"
            value={value}
            placeholder={valuePlaceholder}
            aria-label={`${label}: value ${index + 1}`}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit(index, 1, event.target.value)}
          />
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={`Remove header ${name || index + 1}`}
            title="Remove"
            onClick={() => onChange(headers.filter((_, i) => i !== index))}
          >
            <X size={14} aria-hidden />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small rule-rows-add"
        onClick={() => onChange([...headers, ['', '']])}
      >
        <Plus size={14} aria-hidden />
        Add header
      </button>
    </fieldset>
  );
}
