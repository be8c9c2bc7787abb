import type { ReactNode } from 'react';
import './progress-status.css';

interface ProgressStatusProps {
  /** The progress bar's accessible name. */
  label: string;
  /** How far it is, out of `max`; without `max` the bar only says that something is running. */
  value?: number;
  max?: number | null;
  /** What it is doing, announced as it changes. */
  children: ReactNode;
  /** A button beside the bar, such as Cancel. */
  action?: ReactNode;
}

/** A long job under way (a sync, an update from Twilio): the bar, the words, and its action. */
export function ProgressStatus({ label, value, max, children, action }: ProgressStatusProps) {
  return (
    <div className="sync-status" aria-busy="true">
      <div className="sync-progress">
        {max === undefined || max === null ? (
          <progress aria-label={label} />
        ) : (
          <progress aria-label={label} value={value} max={max} />
        )}
        <p role="status" className="sync-progress-text">
          {children}
        </p>
      </div>
      {action}
    </div>
  );
}
