import { useRef, useState, type SyntheticEvent } from 'react';
import { TextField } from '../../components/TextField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useConnectionActions } from './use-connection';
import { checkDraft, checkField, type CredentialsDraft, type CredentialsErrors } from './credentials-form';

const EMPTY: CredentialsDraft = { accountSid: '', authToken: '', messagingServiceSid: '' };

/** Account SID, Auth Token, optional Messaging Service SID → Save Configuration. */
export function CredentialsForm({ onCancel }: { onCancel?: () => void }) {
  const connection = useConnectionActions();
  const { connect, busy, dismissError } = connection;
  const error = connection.errorOf === 'connect' ? connection.error : null;
  const [draft, setDraft] = useState<CredentialsDraft>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<CredentialsErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const saving = busy === 'connect';

  const update = (field: keyof CredentialsDraft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // Clear a shown error as soon as the value becomes valid; new errors wait for blur or submit.
    if (fieldErrors[field] && !checkField(field, value)) {
      setFieldErrors(({ [field]: _fixed, ...rest }) => rest);
    }
  };

  const blur = (field: keyof CredentialsDraft) => () => {
    if (draft[field] === '') return;
    const problem = checkField(field, draft[field]);
    setFieldErrors(({ [field]: _previous, ...rest }) => (problem ? { ...rest, [field]: problem } : rest));
  };

  const focusFirstInvalid = () => formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      requestAnimationFrame(focusFirstInvalid);
      return;
    }
    const connected = await connect({
      accountSid: draft.accountSid.trim(),
      authToken: draft.authToken.trim(),
      messagingServiceSid: draft.messagingServiceSid.trim(),
    });
    if (connected) {
      setDraft(EMPTY);
      onCancel?.();
    }
  };

  const serverFieldErrors = error?.fieldErrors ?? {};
  const errorFor = (field: keyof CredentialsDraft) => fieldErrors[field] ?? serverFieldErrors[field];

  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label="Twilio credentials"
    >
      <TextField
        label="Account SID"
        name="accountSid"
        value={draft.accountSid}
        placeholder="AC…"
        help="On the Twilio Console dashboard, under Account Info."
        onChange={update('accountSid')}
        onBlur={blur('accountSid')}
        error={errorFor('accountSid')}
        disabled={saving}
      />
      <TextField
        label="Auth Token"
        name="authToken"
        value={draft.authToken}
        secret
        help="Next to the Account SID. Click the eye icon in the Console to show it. Gleam keeps it encrypted on this computer."
        onChange={update('authToken')}
        onBlur={blur('authToken')}
        error={errorFor('authToken')}
        disabled={saving}
      />
      <TextField
        label="Messaging Service SID (optional)"
        name="messagingServiceSid"
        value={draft.messagingServiceSid}
        placeholder="MG…"
        help="Only if you send SMS through a Twilio Messaging Service (Messaging → Services in the Console)."
        onChange={update('messagingServiceSid')}
        onBlur={blur('messagingServiceSid')}
        error={errorFor('messagingServiceSid')}
        disabled={saving}
      />
      {error && <ErrorNotice error={error} onDismiss={dismissError} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Checking with Twilio…' : 'Save Configuration'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        )}
      </div>
      {saving && (
        <p className="form-progress" role="status">
          Checking your credentials with Twilio…
        </p>
      )}
    </form>
  );
}
