import { CircleAlert, Flag } from 'lucide-react';
import type { SmsTimelineEntry } from '../../../../shared/domain';
import { formatDateTime } from '../../../lib/format';

interface TimelineEntryProps {
  entry: SmsTimelineEntry;
  /** The capture being inspected, highlighted among the events. */
  currentCaptureId?: number;
  onOpenCapture: (id: number) => void;
}

/** One id_sms: every state in arrival order (a status sent again marked so), with the gateway's time, when it arrived and which capture carried it. */
export function TimelineEntry({ entry, currentCaptureId, onOpenCapture }: TimelineEntryProps) {
  return (
    <section className="timeline-entry" data-testid="timeline-entry" data-id-sms={entry.idSms}>
      <header className="timeline-entry-header">
        <span className="muted">id_sms</span>
        <code className="timeline-id">{entry.idSms}</code>
        <span
          className={`sms-state sms-state-${entry.final ? 'final' : 'open'}`}
          data-testid="timeline-last-state"
        >
          {entry.lastState}
        </span>
        {entry.final && <span className="muted">final</span>}
        {entry.anomalies.length > 0 && (
          <span className="timeline-anomaly-count">
            {entry.anomalies.length} {entry.anomalies.length === 1 ? 'anomaly' : 'anomalies'}
          </span>
        )}
      </header>
      <ol className="timeline-events">
        {entry.events.map((event, index) => (
          <li
            // Events are fixed once received; the same state may legitimately repeat.
            // biome-ignore lint/suspicious/noArrayIndexKey: events are append-only per id
            key={index}
            className={[
              'timeline-event',
              event.captureId === currentCaptureId ? 'timeline-event-current' : '',
              event.resent ? 'timeline-event-resent' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            data-testid="timeline-event"
            data-state={event.state}
            data-final={event.final}
            data-resent={event.resent}
          >
            <span className="sms-state">{event.state}</span>
            {event.resent && (
              <span
                className="timeline-resent"
                title="The same state and time as a status already received: it changes nothing"
              >
                sent again
              </span>
            )}
            {event.final && (
              <span
                className="timeline-final"
                data-testid="final"
                title="A final state: nothing should follow it"
              >
                <Flag size={11} aria-hidden /> final
              </span>
            )}
            <span className="timeline-time" title="The gateway's time field">
              {event.time === '' ? '—' : event.time}
            </span>
            <span className="timeline-received muted" title="When Hookbench received it">
              received {formatDateTime(event.receivedAt)}
            </span>
            <button
              type="button"
              className="button button-quiet button-small timeline-capture"
              data-testid="timeline-capture"
              onClick={() => onOpenCapture(event.captureId)}
            >
              capture #{event.captureId}
            </button>
          </li>
        ))}
      </ol>
      {entry.anomalies.length > 0 && (
        <ul className="timeline-anomalies">
          {entry.anomalies.map((anomaly) => (
            <li key={anomaly} className="timeline-anomaly" data-testid="timeline-anomaly">
              <CircleAlert size={13} aria-hidden className="timeline-anomaly-icon" />
              {anomaly}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
