import { CircleExclamationPoint, X } from 'lucide-react';
import type { ReactNode } from 'react';

interface NoticeProps {
  children: ReactNode;
  onDismiss?: () => void;
  action?: ReactNode;
}

/** An inline error in plain words, optionally dismissible or with a retry action. */
export function Notice({ children, onDismiss, action }: NoticeProps) {
  return (
    <div className="notice" role="alert">
      <CircleExclamationPoint size={16} aria-hidden className="notice-icon" />
      <span className="notice-text">{children}</span>
      {action}
      {onDismiss && (
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label="Dismiss"
          onClick={onDismiss}
        >
          <X size={14} aria-hidden />
        </button>
      )}
    </div>
  );
}

/** A load that failed, in plain words, with a button to try it again. */
export function RetryNotice({ children, onRetry }: { children: ReactNode; onRetry: () => void }) {
  return (
    <Notice
      action={
        <button type="button" className="button button-small" onClick={onRetry}>
          Retry
        </button>
      }
    >
      {children}
    </Notice>
  );
}
