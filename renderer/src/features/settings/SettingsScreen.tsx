import { errorDataOf } from '../../lib/errors';
import { useConnectionStatus } from '../../lib/query/reads';
import { ErrorNotice } from '../../components/ErrorNotice';
import { A2pSection } from '../a2p/A2pSection';
import { AdvancedSection } from './AdvancedSection';
import { ConnectedAccount } from './ConnectedAccount';
import { CredentialsForm } from './CredentialsForm';
import { MessagingServiceSection } from './MessagingServiceSection';

export function SettingsScreen() {
  const { data, error } = useConnectionStatus();
  const status = data ?? null;
  const loadError = errorDataOf(error);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title">Settings</h1>
      <section className="card" aria-labelledby="twilio-config-title">
        <h2 id="twilio-config-title">Twilio Configuration</h2>
        {loadError && <ErrorNotice error={loadError} />}
        {status === null && !loadError && <p role="status">Loading…</p>}
        {status?.state === 'disconnected' && (
          <>
            <p>
              Gleam works with your own Twilio account: your numbers, your billing. Sign in to the{' '}
              <a href="https://console.twilio.com/" target="_blank" rel="noreferrer">
                Twilio Console
              </a>
              , copy the Account SID and Auth Token from the dashboard, and paste them below.
            </p>
            {status.previousAccount && (
              <p className="muted" data-testid="previous-account">
                Previously connected: {status.previousAccount.friendlyName} ({status.previousAccount.sidMask}). Its
                numbers and agents stay in Gleam’s local history.
              </p>
            )}
            <CredentialsForm />
          </>
        )}
        {status?.state === 'connected' && <ConnectedAccount status={status} />}
      </section>
      {status?.state === 'connected' && <MessagingServiceSection service={status.messagingService} />}
      <A2pSection />
      <AdvancedSection />
    </section>
  );
}
