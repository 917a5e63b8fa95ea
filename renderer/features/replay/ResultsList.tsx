import { GitCompareArrows, LoaderCircle, RefreshCw } from 'lucide-react';
import type { ReplaySummary } from '../../../shared/replay';
import { formatMs } from '../../lib/format';
import { useReplay } from '../../state/StoresContext';
import { Notice } from '../../ui/Notice';
import { statusTone, statusWords } from './bodyText';

interface ResultsListProps {
  selectedId: number | null;
  /** Up to two replays ticked for comparing, in the order they were ticked. */
  chosen: readonly number[];
  onOpen: (id: number) => void;
  onToggle: (id: number) => void;
  onCompareChosen: () => void;
}

function ResultRow({
  result,
  selected,
  ticked,
  onOpen,
  onToggle,
}: {
  result: ReplaySummary;
  selected: boolean;
  ticked: boolean;
  onOpen: () => void;
  onToggle: () => void;
}) {
  const tone = statusTone(result.status);
  return (
    <li
      className={selected ? 'replay-result replay-result-selected' : 'replay-result'}
      data-testid="replay-result"
      data-replay-id={result.id}
    >
      <input
        type="checkbox"
        checked={ticked}
        aria-label={`Choose replay #${result.id} for comparing`}
        data-testid="replay-result-check"
        onChange={onToggle}
      />
      <button
        type="button"
        className="replay-result-open"
        aria-current={selected || undefined}
        onClick={onOpen}
      >
        <span className="replay-result-capture" title={`Replay #${result.id}`}>
          #{result.captureId}
        </span>
        <span className="replay-method">{result.method}</span>
        <span className="replay-result-url" title={result.url}>
          {result.url}
        </span>
        <span
          className={`replay-status replay-status-${tone}`}
          data-testid="replay-result-status"
          title={result.error ?? undefined}
        >
          {statusWords(result.status, result.error)}
        </span>
        <span className="replay-result-time">{formatMs(result.totalMs)}</span>
      </button>
    </li>
  );
}

/** Every replay, newest first; one opens on click, two ticked ones can be compared. */
export function ResultsList({ selectedId, chosen, onOpen, onToggle, onCompareChosen }: ResultsListProps) {
  const results = useReplay((s) => s.results);
  const status = useReplay((s) => s.resultsStatus);
  const loadError = useReplay((s) => s.resultsError);
  const loadResults = useReplay((s) => s.loadResults);

  return (
    <section className="replay-results" aria-label="Replay results">
      <div className="replay-section-head replay-results-head">
        <h2 className="replay-section-title">Results</h2>
        <span className="muted">
          {chosen.length === 2 ? 'Two replays chosen.' : 'Tick two replays to compare their answers.'}
        </span>
        <div className="replay-results-actions">
          <button
            type="button"
            className="button button-small"
            disabled={chosen.length !== 2}
            data-testid="replay-compare-selected"
            onClick={onCompareChosen}
          >
            <GitCompareArrows size={14} aria-hidden />
            Compare
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label="Reload the results"
            title="Reload the results"
            onClick={() => void loadResults()}
          >
            <RefreshCw size={14} aria-hidden />
          </button>
        </div>
      </div>
      {loadError && <Notice>{loadError}</Notice>}
      {status === 'loading' && results.length === 0 && (
        <p className="muted replay-inline replay-results-empty">
          <LoaderCircle size={14} className="spin" aria-hidden /> Loading replays…
        </p>
      )}
      {status === 'ready' && results.length === 0 && (
        <p className="muted replay-results-empty">No replays yet. Send one on the left.</p>
      )}
      {results.length > 0 && (
        <ul className="replay-result-list">
          {results.map((result) => (
            <ResultRow
              key={result.id}
              result={result}
              selected={result.id === selectedId}
              ticked={chosen.includes(result.id)}
              onOpen={() => onOpen(result.id)}
              onToggle={() => onToggle(result.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
