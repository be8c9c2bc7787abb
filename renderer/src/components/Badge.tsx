import type { ReactNode } from 'react';
import './badge.css';

interface BadgeProps {
  /** Each kind adds its `badge-…` class: `['assignment', 'failed']` is a failed assignment. */
  kind: string | readonly string[];
  /** Classes the place it sits in adds (spacing). */
  className?: string;
  title?: string;
  describedBy?: string;
  children: ReactNode;
}

/** A few words on a tinted chip: "SMS", "typical", "Changed in Twilio". */
export function Badge({ kind, className, title, describedBy, children }: BadgeProps) {
  const kinds = typeof kind === 'string' ? [kind] : kind;
  const classes = ['badge', ...kinds.map((name) => `badge-${name}`), ...(className ? [className] : [])].join(' ');
  return (
    <span className={classes} title={title} aria-describedby={describedBy}>
      {children}
    </span>
  );
}
