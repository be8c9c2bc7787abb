import type { ReactNode } from 'react';

interface FieldShellProps {
  /** The control's id; the label points to it, and the error and help ids derive from it. */
  id: string;
  label: string;
  error?: string | null | undefined;
  help?: string | undefined;
  children: ReactNode;
}

/** The ids a field's control lists in aria-describedby: its error first, then its help. */
export function fieldDescribedBy(id: string, error: string | null | undefined, help: string | undefined) {
  return [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
}

/** Label, control, the rule it breaks (if any) and help: the frame every form field shares. */
export function FieldShell({ id, label, error, help, children }: FieldShellProps) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}
