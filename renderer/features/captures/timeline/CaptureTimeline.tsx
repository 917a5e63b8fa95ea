import { LoaderCircle } from 'lucide-react';
import { useMemo } from 'react';
import type { CaptureDetail } from '../../../../shared/domain';
import { useCaptures } from '../../../state/StoresContext';
import { Notice } from '../../../ui/Notice';
import { TimelineEntry } from './TimelineEntry';
import { useSmsTimeline } from './useSmsTimeline';
import './timeline.css';

/**
 * The story of every id_sms this status batch carries, across all batches: the core tells only
 * these ids' stories (a JSON-path filter would select the batches, not the ids, and leave other
 * ids' stories half told; the whole store's timeline stops at 10,000 ids).
 */
export function CaptureTimeline({ detail }: { detail: CaptureDetail }) {
  const request = useMemo(() => ({ forCapture: detail.id }), [detail.id]);
  const { state } = useSmsTimeline(request);
  const select = useCaptures((s) => s.select);
  const entries = state.status === 'ready' ? state.timeline.entries : [];

  if (state.status === 'loading') {
    return (
      <p className="detail-section muted" aria-busy>
        <LoaderCircle size={14} className="spin" aria-hidden /> Building the timeline…
      </p>
    );
  }
  if (state.status === 'error') return <Notice>{state.message}</Notice>;
  return (
    <section
      className="detail-section timeline"
      aria-label="SMS status timeline"
      data-testid="capture-timeline"
    >
      <p className="muted timeline-intro">
        {entries.length === 0
          ? 'This batch carries no id_sms the timeline could read.'
          : `${entries.length} ${entries.length === 1 ? 'id' : 'ids'} in this batch, with every status received for them.`}
      </p>
      {entries.map((entry) => (
        <TimelineEntry key={entry.idSms} entry={entry} currentCaptureId={detail.id} onOpenCapture={select} />
      ))}
    </section>
  );
}
