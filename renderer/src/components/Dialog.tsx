import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { trapTab } from './focus-trap';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** The buttons at the foot of the dialog. */
  actions: ReactNode;
  /** Escape does this (unless busy). */
  onCancel: () => void;
  /** `alertdialog` for confirmations, whose whole body is read out as their description. */
  role?: 'dialog' | 'alertdialog';
  /** While true, Escape does nothing: the outcome of work in flight must be seen. */
  busy?: boolean;
  /** Where focus goes on close when the control that opened the dialog is gone (a released row, say). */
  fallbackFocus?: (() => HTMLElement | null) | undefined;
  /** What takes focus when the dialog opens; the dialog itself when not given. */
  initialFocus?: RefObject<HTMLElement | null>;
  wide?: boolean;
}

/**
 * A modal dialog: focus moves in when it opens, Escape cancels, Tab stays
 * inside, and focus goes back where it came from when it closes. Modal (the
 * confirmation) and the app's larger dialogs are built on it.
 */
export function Dialog({
  title,
  children,
  actions,
  onCancel,
  role = 'dialog',
  busy = false,
  fallbackFocus,
  initialFocus,
  wide = false,
}: DialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  // Read when the dialog opens and closes; the props may change while it is open.
  const fallbackRef = useRef(fallbackFocus);
  const initialFocusRef = useRef(initialFocus);
  useEffect(() => {
    fallbackRef.current = fallbackFocus;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (initialFocusRef.current?.current ?? dialogRef.current)?.focus();
    return () => {
      const target = opener?.isConnected ? opener : fallbackRef.current?.();
      target?.focus();
    };
  }, []);

  // Disabling the focused button would drop focus to the page behind; keep it in the dialog instead.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!busy || !dialog) return;
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !dialog.contains(active) || active.matches(':disabled')) dialog.focus();
  }, [busy]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!busy) onCancel();
      return;
    }
    if (dialogRef.current) trapTab(event, dialogRef.current);
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className={wide ? 'dialog modal-dialog dialog-wide' : 'dialog modal-dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={role === 'alertdialog' ? `${id}-body` : undefined}
        aria-busy={busy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`} className="modal-dialog-body">
          {children}
        </div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
