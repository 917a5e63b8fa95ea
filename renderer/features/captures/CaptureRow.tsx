import { Scissors, Star } from 'lucide-react';
import { memo } from 'react';
import type { CaptureSummary } from '../../../shared/domain';
import { formatBytes, formatTime } from '../../lib/format';
import { methodTone, statusTone } from './captureFormat';
import { KIND_BADGES, KIND_NAMES, validityWords } from './captureKinds';

export const ROW_HEIGHT = 28;

export function captureRowId(id: number): string {
  return `capture-row-${id}`;
}

interface CaptureRowProps {
  capture: CaptureSummary;
  /** Part of the (multi-)selection. */
  selected: boolean;
  /** The capture the detail pane shows. */
  current: boolean;
  top: number;
}

function describe(capture: CaptureSummary, time: string, size: string): string {
  const parts = [`${capture.method} ${capture.path}`, `status ${capture.status}`, time, size];
  if (capture.kind) parts.push(KIND_NAMES[capture.kind]);
  const validity = validityWords(capture);
  if (validity) parts.push(validity.label);
  if (capture.pinned) parts.push('pinned');
  return parts.join(', ');
}

/** One list row; memoised because thousands stream past while only a few change. */
export const CaptureRow = memo(function CaptureRow({ capture, selected, current, top }: CaptureRowProps) {
  const time = formatTime(capture.receivedAt);
  const size = formatBytes(capture.bodySize);
  const validity = validityWords(capture);
  let className = 'capture-row';
  if (selected) className += ' capture-row-selected';
  if (current) className += ' capture-row-current';
  return (
    <div
      id={captureRowId(capture.id)}
      role="option"
      aria-selected={selected}
      // Focus stays on the listbox (aria-activedescendant); -1 only satisfies the option role.
      tabIndex={-1}
      aria-label={describe(capture, time, size)}
      className={className}
      data-testid="capture-row"
      data-id={capture.id}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span className={`cell cell-method method-${methodTone(capture.method)}`} data-testid="row-method">
        {capture.method}
      </span>
      <span
        className="cell cell-path"
        title={capture.note ? `${capture.path}\n${capture.note}` : capture.path}
      >
        {capture.pinned && (
          <span className="row-pin" data-testid="row-pin" title="Pinned">
            <Star size={12} fill="currentColor" aria-hidden />
          </span>
        )}
        {capture.kind && (
          <span
            className={capture.valid === false ? 'row-kind row-kind-invalid' : 'row-kind'}
            data-testid="row-kind"
            data-kind={capture.kind}
            title={KIND_NAMES[capture.kind]}
          >
            {KIND_BADGES[capture.kind]}
          </span>
        )}
        {validity && (
          <span
            className={capture.valid ? 'row-valid row-valid-yes' : 'row-valid row-valid-no'}
            data-testid="row-valid"
            data-valid={capture.valid}
            title={validity.title}
          >
            {validity.short}
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
