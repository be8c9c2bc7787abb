import { useState, type SyntheticEvent } from 'react';
import { WebhookBaseUrlSchema } from '../../../../shared/domain/agents';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { TextField } from '../../components/TextField';
import { useWebhookSettings } from './use-webhook-settings';

/** The rule the address breaks, or null: the contract's own schema, so main will accept what passes here. */
function checkWebhookBaseUrl(value: string): string | null {
  if (value.trim() === '') return 'Enter an address, or choose “Use default”.';
  const parsed = WebhookBaseUrlSchema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This address cannot be used.');
}

/** Settings → Advanced: the address Gleam gives Twilio for assigned numbers, with the build's default. */
export function AdvancedSection() {
  const settings = useWebhookSettings();
  const {
    value,
    busy,
    saving,
    loadError,
    saveError,
    saved,
    pending,
    restoreDefault,
    propose,
    confirm,
    cancel,
    dismiss,
  } = settings;
  const [draft, setDraft] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  // Until the person types, the field shows the address in use.
  const shown = draft ?? value?.webhookBaseUrl ?? '';
  const usingDefault = value !== null && value.webhookBaseUrl === value.defaultWebhookBaseUrl;

  const settle = (accepted: boolean) => {
    if (!accepted) return;
    setDraft(null);
    setFieldError(null);
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const problem = checkWebhookBaseUrl(shown);
    setFieldError(problem);
    // Main checks it too, and opens the confirmation below with the address as it will be stored.
    if (!problem) await propose(shown.trim());
  };

  return (
    <section className="card" aria-labelledby="advanced-title">
      <h2 id="advanced-title">Advanced</h2>
      <p>
        When you assign a number to an agent, Gleam tells Twilio to send that number’s calls and texts to this address,
        where your agents answer them. Leave it as it is unless Gleam support asks you to change it.
      </p>
      <p>
        If you change it, numbers already assigned to agents keep the old address until you repair them: they will show
        as changed, with a Repair button, on the Agents and Phone Numbers screens.
      </p>
      {value === null && settings.loading && <p role="status">Loading…</p>}
      {loadError && (
        <div>
          <ErrorNotice error={loadError} />
          <button type="button" className="button" onClick={settings.reload}>
            Try again
          </button>
        </div>
      )}
      {value && (
        <form className="form" noValidate aria-label="Webhook address" onSubmit={(event) => void submit(event)}>
          <TextField
            label="Webhook base URL"
            name="webhookBaseUrl"
            value={shown}
            placeholder={value.defaultWebhookBaseUrl}
            help={
              usingDefault
                ? 'This is Gleam’s default address. It must start with https://.'
                : `You changed this address. Gleam’s default is ${value.defaultWebhookBaseUrl}. It must start with https://.`
            }
            onChange={(next) => {
              setDraft(next);
              if (saved) dismiss();
              if (fieldError && !checkWebhookBaseUrl(next)) setFieldError(null);
            }}
            error={fieldError ?? saveError?.fieldErrors?.webhookBaseUrl}
            disabled={saving}
          />
          {saveError && <ErrorNotice error={saveError} onDismiss={dismiss} />}
          {saved && (
            <p className="notice notice-success" role="status">
              Saved. Gleam now uses {value.webhookBaseUrl}. Numbers already assigned to agents need a repair to use it.
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {saving ? 'Saving…' : 'Save webhook URL'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || usingDefault}
              onClick={() => void restoreDefault().then(settle)}
            >
              Use default
            </button>
          </div>
        </form>
      )}
      {pending && value && (
        <Modal
          title="Send your agents’ calls to this address?"
          onCancel={cancel}
          busy={saving}
          confirm={{
            label: saving ? 'Saving…' : 'Use this address',
            destructive: true,
            onConfirm: () => void confirm().then(settle),
          }}
        >
          <p>
            <strong className="webhook-address">{pending.webhookBaseUrl}</strong>
          </p>
          <p>
            Every number you assign to an agent, or repair, will send its calls and texts here instead of to Gleam’s
            address ({value.defaultWebhookBaseUrl}). Whoever runs this address answers your callers, and can make calls
            that your Twilio account pays for.
          </p>
          <p>Use it only if Gleam support gave it to you.</p>
        </Modal>
      )}
    </section>
  );
}
