import { HardDriveDownload } from 'lucide-react';
import { formatDateTime } from '../../lib/format';
import { useHealth } from '../../state/StoresContext';

/**
 * Across the top while the capture store cannot write (disk full, folder read-only):
 * the receiver answers 503 meanwhile, so a sender's retries are not lost silently.
 * It goes away by itself when the core reports the store healthy again.
 */
export function StoreHealthBanner() {
  const health = useHealth((s) => s.health);
  if (health?.state !== 'failing') return null;
  return (
    <div className="store-health-banner" data-testid="store-health-banner" role="alert">
      <HardDriveDownload size={16} aria-hidden className="store-health-icon" />
      <span className="store-health-text">
        <strong>Captures are not being saved.</strong> {health.message ?? 'The capture store cannot write.'}
        {health.since && <span className="store-health-since"> Since {formatDateTime(health.since)}.</span>}
      </span>
    </div>
  );
}
