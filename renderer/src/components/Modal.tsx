import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { trapTab } from './focus-trap';

export interface ModalConfirm {
  label: string;
  onConfirm: () => void;
  disabled?: boolean;
  destructive?: boolean;
  /** Id of the text that says why the button is disabled. */
  describedBy?: string | undefined;
}

interface ModalProps {
  title: string;
  children: ReactNode;
  confirm: ModalConfirm;
  onCancel: () => void;
  /** While true, Cancel and Escape do nothing: the outcome of work in flight must be seen. */
  busy?: boolean;
  /** Where focus goes on close when the control that opened the dialog is gone (a released row, say). */
  fallbackFocus?: () => HTMLElement | null;
}

/**
 * The app's confirmation dialog. The confirm button can be disabled with a
 * stated reason, and the body can hold notices and links, for confirmations
 * that wait on main. Focus starts on Cancel (the safe choice), Escape
 * cancels, Tab stays inside, and focus goes back where it came from.
 */
export function Modal({ title, children, confirm, onCancel, busy = false, fallbackFocus }: ModalProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The latest fallback, read when the dialog closes (the prop may change while it is open).
  const fallbackRef = useRef(fallbackFocus);
  useEffect(() => {
    fallbackRef.current = fallbackFocus;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelRef.current?.focus();
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
        className="dialog modal-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        aria-busy={busy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`} className="modal-dialog-body">
          {children}
        </div>
        <div className="dialog-actions">
          <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className={confirm.destructive ? 'button button-danger' : 'button button-primary'}
            onClick={confirm.onConfirm}
            disabled={confirm.disabled}
            aria-describedby={confirm.describedBy}
          >
            {confirm.label}
          </button>
        </div>
      </div>
    </div>
  );
}
