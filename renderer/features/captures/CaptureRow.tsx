import { Scissors } from 'lucide-react';
import { memo } from 'react';
import type { CaptureSummary } from '../../../shared/domain';
import { formatBytes, formatTime } from '../../lib/format';
import { methodTone, statusTone } from './captureFormat';

export const ROW_HEIGHT = 28;

const KIND_LABELS: Record<NonNullable<CaptureSummary['kind']>, string> = {
  'sms-status-batch': 'SMS',
  'smartico-reverse': 'Reverse',
  'sdk-message': 'SDK',
};

export function captureRowId(id: number): string {
  return `capture-row-${id}`;
}

interface CaptureRowProps {
  capture: CaptureSummary;
  selected: boolean;
  top: number;
}

/** One list row; memoised because thousands stream past while only a few change. */
export const CaptureRow = memo(function CaptureRow({ capture, selected, top }: CaptureRowProps) {
  const time = formatTime(capture.receivedAt);
  const size = formatBytes(capture.bodySize);
  return (
    <div
      id={captureRowId(capture.id)}
      role="option"
      aria-selected={selected}
      // Focus stays on the listbox (aria-activedescendant); -1 only satisfies the option role.
      tabIndex={-1}
      aria-label={`${capture.method} ${capture.path}, status ${capture.status}, ${time}, ${size}${capture.kind ? `, ${KIND_LABELS[capture.kind]}${capture.valid === false ? ' (malformed)' : ''}` : ''}`}
      className={selected ? 'capture-row capture-row-selected' : 'capture-row'}
      data-testid="capture-row"
      data-id={capture.id}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span className={`cell cell-method method-${methodTone(capture.method)}`} data-testid="row-method">
        {capture.method}
      </span>
      <span className="cell cell-path" title={capture.path}>
        {capture.kind && (
          <span
            className={capture.valid === false ? 'row-kind row-kind-invalid' : 'row-kind'}
            data-testid="row-kind"
            title={capture.valid === false ? 'Recognised, but not the documented shape' : undefined}
          >
            {KIND_LABELS[capture.kind]}
          </span>
        )}
        <span className="row-path" data-testid="row-path">
          {capture.path}
        </span>
      </span>
      <span className={`cell cell-status status-${statusTone(capture.status)}`} data-testid="row-status">
        {capture.status}
      </span>
      <span className="cell cell-time">{time}</span>
      <span className="cell cell-size">
        {capture.truncated && (
          <span className="truncated-mark" title="Body truncated">
            <Scissors size={12} aria-hidden />
          </span>
        )}
        {size}
      </span>
    </div>
  );
});
