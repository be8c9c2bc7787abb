import { useRef, type ReactNode } from 'react';
import { Dialog } from './Dialog';

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
  fallbackFocus?: (() => HTMLElement | null) | undefined;
}

/**
 * The app's confirmation dialog. The confirm button can be disabled with a
 * stated reason, and the body can hold notices and links, for confirmations
 * that wait on main. Focus starts on Cancel (the safe choice), Escape
 * cancels, Tab stays inside, and focus goes back where it came from.
 */
export function Modal({ title, children, confirm, onCancel, busy = false, fallbackFocus }: ModalProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      role="alertdialog"
      title={title}
      onCancel={onCancel}
      busy={busy}
      fallbackFocus={fallbackFocus}
      initialFocus={cancelRef}
      actions={
        <>
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
        </>
      }
    >
      {children}
    </Dialog>
  );
}
