import { useState, type SyntheticEvent } from 'react';
import type { MessagingServiceSummary } from '../../../../shared/domain/connection';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { useConnectionActions } from './use-connection';
import { formatProblem, MESSAGING_SERVICE_SID } from '../../../../shared/domain/credentials';

export function MessagingServiceSection({ service }: { service: MessagingServiceSummary | null }) {
  const connection = useConnectionActions();
  const { busy, dismissError, setMessagingService } = connection;
  const error = connection.errorOf === 'messagingService' ? connection.error : null;
  const [sid, setSid] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const saving = busy === 'messagingService';

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const problem = sid.trim() === '' ? 'Enter a Messaging Service SID.' : formatProblem(MESSAGING_SERVICE_SID, sid);
    setFieldError(problem);
    if (problem) return;
    if (await setMessagingService(sid.trim())) setSid('');
  };

  return (
    <section className="card" aria-labelledby="messaging-service-title">
      <h2 id="messaging-service-title">Messaging Service (optional)</h2>
      <p>
        A Twilio Messaging Service helps with high-volume SMS and is needed for A2P 10DLC registration. Create one in
        the Twilio Console under Messaging → Services, add your numbers, and paste its SID here.
      </p>
      {service ? (
        <p data-testid="messaging-service">
          <span className="status-check-inline" aria-hidden="true">
            ✓
          </span>{' '}
          Using <strong>{service.friendlyName}</strong> ({service.sid})
        </p>
      ) : (
        <p className="muted">No Messaging Service is set.</p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-label="Messaging Service">
        <TextField
          label={service ? 'Replace with Messaging Service SID' : 'Messaging Service SID'}
          name="messagingServiceSid"
          value={sid}
          placeholder="MG…"
          onChange={(value) => {
            setSid(value);
            if (fieldError && (value.trim() === '' || !formatProblem(MESSAGING_SERVICE_SID, value)))
              setFieldError(null);
          }}
          error={fieldError ?? error?.fieldErrors?.messagingServiceSid}
          disabled={saving}
        />
        {error && <ErrorNotice error={error} onDismiss={dismissError} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {saving ? 'Checking with Twilio…' : 'Save Messaging Service'}
          </button>
          {service && (
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              onClick={() => void setMessagingService(null)}
            >
              Stop using this service
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
