import { ChevronDown, ChevronRight, LoaderCircle, RefreshCw, X } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { SmsTimelineEntry } from '../../../../shared/domain';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { Notice } from '../../../ui/Notice';
import { TimelineEntry } from './TimelineEntry';
import { useSmsTimeline } from './useSmsTimeline';
import './timeline.css';

/** Rows rendered at first; thousands of ids would make the first paint slow for no benefit. */
const FIRST_ROWS = 300;
/** How long typing in the search must pause before the core is asked (only when the list was cut). */
const SEARCH_DELAY_MS = 300;

interface SmsTimelineViewProps {
  onClose: () => void;
  onOpenCapture: (id: number) => void;
}

/** Every id_sms seen in the store: last state and anomaly count, each expandable to its full story. */
export function SmsTimelineView({ onClose, onOpenCapture }: SmsTimelineViewProps) {
  const whole = useSmsTimeline({}, { live: true });
  const [search, setSearch] = useState('');
  // The whole store's timeline stops at 10,000 ids; an id beyond them is looked for by the core.
  const cut = whole.state.status === 'ready' ? whole.state.timeline.omittedIds : 0;
  const sought = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const findRequest = useMemo(() => (cut > 0 && sought !== '' ? { find: sought } : null), [cut, sought]);
  const found = useSmsTimeline(findRequest, { live: true });
  const { state, reload } = findRequest ? found : whole;
  const [onlyAnomalies, setOnlyAnomalies] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [shown, setShown] = useState(FIRST_ROWS);

  const entries = useMemo(() => {
    if (state.status !== 'ready') return [];
    const needle = search.trim();
    return state.timeline.entries.filter(
      (entry) =>
        (needle === '' || entry.idSms.includes(needle)) && (!onlyAnomalies || entry.anomalies.length > 0),
    );
  }, [state, search, onlyAnomalies]);

  return (
    <section className="sms-timeline-view" data-testid="timeline-view" aria-label="SMS status timeline">
      <header className="sms-timeline-header">
        <h2 className="sms-timeline-title">SMS status timeline</h2>
        {state.status === 'ready' && (
          <span className="muted" data-testid="timeline-summary">
            {state.timeline.entries.length.toLocaleString('en-US')} ids from {state.timeline.batches}{' '}
            {state.timeline.batches === 1 ? 'batch' : 'batches'}
            {state.timeline.resentBatches > 0 && `, ${state.timeline.resentBatches} re-sent`}
          </span>
        )}
        {cut > 0 && !findRequest && (
          <span className="sms-timeline-cut" data-testid="timeline-cut">
            The first 10,000 ids are listed; {cut.toLocaleString('en-US')} more {cut === 1 ? 'is' : 'are'}{' '}
            not. Find an id to see any of them.
          </span>
        )}
        <input
          type="search"
          className="input sms-timeline-search"
          placeholder="Find an id_sms"
          aria-label="Find an id_sms"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <label className="sms-timeline-check">
          <input
            type="checkbox"
            checked={onlyAnomalies}
            onChange={(event) => setOnlyAnomalies(event.target.checked)}
          />
          Only with anomalies
        </label>
        <button type="button" className="button button-small" onClick={reload}>
          <RefreshCw size={13} aria-hidden /> Refresh
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label="Close the timeline"
          data-testid="close-timeline"
          onClick={onClose}
        >
          <X size={14} aria-hidden />
        </button>
      </header>
      {state.status === 'loading' && (
        <p className="muted sms-timeline-empty" aria-busy>
          <LoaderCircle size={14} className="spin" aria-hidden /> Building the timeline…
        </p>
      )}
      {state.status === 'error' && <Notice>{state.message}</Notice>}
      {state.status === 'ready' && entries.length === 0 && (
        <p className="muted sms-timeline-empty">
          {whole.state.status === 'ready' && whole.state.timeline.batches === 0
            ? 'No SMS status batches have been received yet.'
            : 'No id matches.'}
        </p>
      )}
      <ul className="sms-timeline-list">
        {entries.slice(0, shown).map((entry) => (
          <TimelineRow
            key={entry.idSms}
            entry={entry}
            open={open === entry.idSms}
            onToggle={() => setOpen(open === entry.idSms ? null : entry.idSms)}
            onOpenCapture={onOpenCapture}
          />
        ))}
      </ul>
      {entries.length > shown && (
        <p className="body-more">
          <span>
            Showing {shown} of {entries.length} ids
          </span>
          <button type="button" className="button button-small" onClick={() => setShown(shown * 4)}>
            Show more
          </button>
        </p>
      )}
    </section>
  );
}

interface TimelineRowProps {
  entry: SmsTimelineEntry;
  open: boolean;
  onToggle: () => void;
  onOpenCapture: (id: number) => void;
}

function TimelineRow({ entry, open, onToggle, onOpenCapture }: TimelineRowProps) {
  return (
    <li className="sms-timeline-row" data-testid="timeline-row" data-id-sms={entry.idSms}>
      <button type="button" className="sms-timeline-summary" aria-expanded={open} onClick={onToggle}>
        {open ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />}
        <code className="timeline-id">{entry.idSms}</code>
        <span className={`sms-state sms-state-${entry.final ? 'final' : 'open'}`}>{entry.lastState}</span>
        <span className="muted">
          {entry.events.length} {entry.events.length === 1 ? 'status' : 'statuses'}
        </span>
        {entry.anomalies.length > 0 && (
          <span className="timeline-anomaly-count" data-testid="timeline-row-anomalies">
            {entry.anomalies.length} {entry.anomalies.length === 1 ? 'anomaly' : 'anomalies'}
          </span>
        )}
      </button>
      {open && <TimelineEntry entry={entry} onOpenCapture={onOpenCapture} />}
    </li>
  );
}
