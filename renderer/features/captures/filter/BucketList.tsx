import { Inbox } from 'lucide-react';
import { formatDateTime } from '../../../lib/format';
import { useInspector } from '../../../state/StoresContext';

interface BucketListProps {
  /** The bucket the filter currently names, highlighted. */
  active: string | null;
  onPick: (bucket: string) => void;
}

/** Echo buckets (`/echo-send/<bucket>/`) seen so far; a click filters the list to one. */
export function BucketList({ active, onPick }: BucketListProps) {
  const buckets = useInspector((s) => s.buckets);
  if (buckets.length === 0) return null;
  return (
    <div className="bucket-list">
      <span className="bucket-list-label muted">
        <Inbox size={13} aria-hidden /> Buckets
      </span>
      {buckets.map((bucket) => (
        <button
          key={bucket.name}
          type="button"
          className="filter-chip"
          aria-pressed={bucket.name === active}
          data-testid="bucket-item"
          data-bucket={bucket.name}
          title={`Last request ${formatDateTime(bucket.lastReceivedAt)}`}
          onClick={() => onPick(bucket.name)}
        >
          {bucket.name} <span className="count">{bucket.count}</span>
        </button>
      ))}
    </div>
  );
}
