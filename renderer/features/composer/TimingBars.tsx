import type { HttpTimings } from '../../../shared/composer';
import { formatMs } from '../../lib/format';
import { timingBars } from './composerFormat';

/**
 * The send's phases on one time axis, like a browser's waterfall: where each phase started and
 * ended within the whole send. The numbers are the moment each phase was done (curl's -w times).
 */
export function TimingBars({ timings }: { timings: HttpTimings }) {
  const bars = timingBars(timings);
  // A zero-length send still draws its bars (at their minimum width) instead of dividing by zero.
  const scale = Math.max(timings.totalMs, 0.001);
  return (
    <div className="composer-timings" data-testid="composer-timings">
      <ul className="composer-timing-list" aria-label="Timings">
        {bars.map((bar) => (
          <li key={bar.label} className="composer-timing" data-phase={bar.label}>
            <span className="composer-timing-label">{bar.label}</span>
            <span className="composer-timing-track" aria-hidden>
              <span
                className={
                  bar.label === 'Total' ? 'composer-timing-bar composer-timing-total' : 'composer-timing-bar'
                }
                style={{
                  left: `${(bar.fromMs / scale) * 100}%`,
                  width: `${Math.max(((bar.toMs - bar.fromMs) / scale) * 100, 0.5)}%`,
                }}
              />
            </span>
            <span className="composer-timing-value">{formatMs(bar.toMs)}</span>
          </li>
        ))}
      </ul>
      <p className="composer-hint">
        {timings.dnsMs === null && 'No DNS lookup (an IP address or a cached answer). '}
        {timings.tlsMs === null && 'No TLS (plain http). '}
        {timings.reusedConnection && 'Sent over a connection opened earlier. '}
      </p>
    </div>
  );
}
