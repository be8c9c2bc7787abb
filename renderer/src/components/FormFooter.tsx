import type { AppErrorData } from '../../../shared/errors';
import { ErrorNotice } from './ErrorNotice';

interface FormFooterProps {
  /** The save the form sends: under way, or why main did not take it. */
  request: { saving: boolean; error: AppErrorData | null; dismissError: () => void };
  /** The submit button's label, then its label while saving. */
  labels: readonly [submit: string, saving: string];
  onCancel?: (() => void) | undefined;
}

/** The end of a form: main's answer if it refused, then the submit button and Cancel. */
export function FormFooter({ request, labels: [submitLabel, savingLabel], onCancel }: FormFooterProps) {
  const { saving, error, dismissError } = request;
  return (
    <>
      {error && <ErrorNotice error={error} onDismiss={dismissError} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? savingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
