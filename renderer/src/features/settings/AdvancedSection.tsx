import { useEffect, useState, type SyntheticEvent } from 'react';
import { WebhookBaseUrlSchema } from '../../../../shared/domain/agents';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { useAppStore } from '../../store/store-context';

/** The rule the address breaks, or null: the contract's own schema, so main will accept what passes here. */
function checkWebhookBaseUrl(value: string): string | null {
  if (value.trim() === '') return 'Enter an address, or choose “Use default”.';
  const parsed = WebhookBaseUrlSchema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This address cannot be used.');
}

/** Settings → Advanced: the address Gleam gives Twilio for assigned numbers, with the build's default. */
export function AdvancedSection() {
  const settings = useAppStore((state) => state.appSettings);
  const loadAppSettings = useAppStore((state) => state.loadAppSettings);
  const saveWebhookBaseUrl = useAppStore((state) => state.saveWebhookBaseUrl);
  const dismiss = useAppStore((state) => state.dismissAppSettingsMessage);
  const [draft, setDraft] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  useEffect(() => {
    void loadAppSettings();
  }, [loadAppSettings]);

  const { value, busy, error, errorOf, saved } = settings;
  // Until the person types, the field shows the address in use.
  const shown = draft ?? value?.webhookBaseUrl ?? '';
  const usingDefault = value !== null && value.webhookBaseUrl === value.defaultWebhookBaseUrl;
  const saving = busy === 'save';

  const save = async (url: string | null) => {
    if (await saveWebhookBaseUrl(url)) {
      setDraft(null);
      setFieldError(null);
    }
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const problem = checkWebhookBaseUrl(shown);
    setFieldError(problem);
    if (!problem) await save(shown.trim());
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
      {value === null && busy === 'load' && <p role="status">Loading…</p>}
      {errorOf === 'load' && error && (
        <div>
          <ErrorNotice error={error} />
          <button type="button" className="button" onClick={() => void loadAppSettings()}>
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
            error={fieldError ?? (errorOf === 'save' ? error?.fieldErrors?.webhookBaseUrl : undefined)}
            disabled={saving}
          />
          {errorOf === 'save' && error && <ErrorNotice error={error} onDismiss={dismiss} />}
          {saved && (
            <p className="notice notice-success" role="status">
              Saved. Gleam now uses {value.webhookBaseUrl}. Numbers already assigned to agents need a repair to use it.
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy !== null}>
              {saving ? 'Saving…' : 'Save webhook URL'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy !== null || usingDefault}
              onClick={() => void save(null)}
            >
              Use default
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
