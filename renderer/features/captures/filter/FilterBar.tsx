import { CircleHelp, Search, X } from 'lucide-react';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { parseFilter } from '../../../../shared/filter';
import { useCaptures } from '../../../state/StoresContext';
import { BucketList } from './BucketList';
import { FilterHelp } from './FilterHelp';
import { appendTerm, hasTerm, setKeyTerm, toggleTerm } from './filterTerms';
import './filter.css';

/** Typing applies the filter once it pauses this long; Enter applies at once. */
const DEBOUNCE_MS = 400;

const QUICK: readonly { term: string; label: string }[] = [
  { term: 'kind:sms-status-batch', label: 'SMS status' },
  { term: 'kind:smartico-reverse', label: 'Reverse' },
  { term: 'kind:sdk-message', label: 'SDK' },
  { term: 'valid:no', label: 'Invalid' },
  { term: 'is:pinned', label: 'Pinned' },
];

function bucketOf(filter: string): string | null {
  try {
    return parseFilter(filter).bucket ?? null;
  } catch {
    return null;
  }
}

/**
 * The search bar: the filter language of shared/filter.ts, checked by the core (its
 * words show under the bar when it refuses one), with quick buttons and echo buckets.
 */
export function FilterBar() {
  const applied = useCaptures((s) => s.filter);
  const error = useCaptures((s) => s.filterError);
  const matched = useCaptures((s) => s.matched);
  const total = useCaptures((s) => s.total);
  const applyFilter = useCaptures((s) => s.applyFilter);
  // The text is owned here; the store only learns of it when it is applied.
  const [text, setText] = useState(applied);
  const [helpOpen, setHelpOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const rowRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  const errorId = useId();
  const activeBucket = useMemo(() => bucketOf(applied), [applied]);

  // The help closes on a click anywhere outside it, like a menu.
  useEffect(() => {
    if (!helpOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && rowRef.current?.contains(event.target)) return;
      setHelpOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [helpOpen]);

  useEffect(() => {
    if (text.trim() === applied) return;
    const timer = setTimeout(() => void applyFilter(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, applied, applyFilter]);

  const applyNow = (next: string) => {
    setText(next);
    void applyFilter(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void applyFilter(text);
    } else if (event.key === 'Escape' && text !== '') {
      event.preventDefault();
      applyNow('');
    }
  };

  return (
    <div className="filter-bar">
      <div className="filter-row" ref={rowRef}>
        <div className="filter-field">
          <Search size={14} aria-hidden className="filter-icon" />
          <input
            ref={inputRef}
            type="text"
            className="input filter-input"
            data-testid="filter-input"
            placeholder='Filter: kind:sms-status-batch status:4xx $.campaign_name="RND Flow" …'
            aria-label="Filter captures"
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            spellCheck={false}
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
          />
          {text !== '' && (
            <button
              type="button"
              className="button button-quiet button-small filter-clear"
              aria-label="Clear the filter"
              data-testid="filter-clear"
              onClick={() => applyNow('')}
            >
              <X size={14} aria-hidden />
            </button>
          )}
        </div>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label="Filter help"
          aria-expanded={helpOpen}
          aria-controls={helpOpen ? helpId : undefined}
          data-testid="filter-help-toggle"
          onClick={() => setHelpOpen(!helpOpen)}
        >
          <CircleHelp size={15} aria-hidden />
        </button>
        {applied !== '' && (
          <span className="filter-matched" title="Matching captures of all stored">
            <span data-testid="filter-matched">
              {matched.toLocaleString()} of {total.toLocaleString()}
            </span>{' '}
            match
          </span>
        )}
        <div className="filter-quick">
          {QUICK.map((quick) => (
            <button
              key={quick.term}
              type="button"
              className="filter-chip"
              aria-pressed={hasTerm(applied, quick.term)}
              data-testid={`quick-${quick.term.replace(':', '-')}`}
              title={quick.term}
              onClick={() => applyNow(toggleTerm(applied, quick.term))}
            >
              {quick.label}
            </button>
          ))}
        </div>
        {helpOpen && (
          <FilterHelp
            id={helpId}
            onPick={(term) => {
              setText(appendTerm(text, term));
              inputRef.current?.focus();
            }}
            onClose={() => setHelpOpen(false)}
          />
        )}
      </div>
      {error && (
        <p className="filter-error" id={errorId} data-testid="filter-error" role="alert">
          {error}
        </p>
      )}
      <BucketList
        active={activeBucket}
        onPick={(bucket) => applyNow(setKeyTerm(applied, 'bucket', bucket))}
      />
    </div>
  );
}
