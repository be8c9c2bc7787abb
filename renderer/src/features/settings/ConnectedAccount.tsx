import { useState } from 'react';
import type { ConnectionStatus } from '../../../../shared/domain/connection';
import { Modal } from '../../components/Modal';
import { formatDateTime } from '../../lib/format-date';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/icons';
import { useConnectionActions } from './use-connection';
import { CredentialsForm } from './CredentialsForm';
import { TOKEN_STORAGE_TEXT } from './settings-text';

type Connected = Extract<ConnectionStatus, { state: 'connected' }>;

const STATUS_LABEL = { active: 'Active', suspended: 'Suspended', closed: 'Closed' } as const;

export function ConnectedAccount({ status }: { status: Connected }) {
  const connection = useConnectionActions();
  const { busy, dismissError, verify, disconnect } = connection;
  const error = connection.errorOf === 'verify' || connection.errorOf === 'disconnect' ? connection.error : null;
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const { account } = status;

  return (
    <div className="connected" data-testid="connected-account">
      <div className="connected-heading">
        <span className="status-check" aria-hidden="true">
          <Icon name="check" size={20} />
        </span>
        <div>
          <p className="connected-label">Connected to Twilio</p>
          <p className="connected-name">{account.friendlyName}</p>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Account</dt>
          <dd>{account.sidMask}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`pill pill-${account.status}`}>{STATUS_LABEL[account.status]}</span>
          </dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{account.type === 'Trial' ? 'Trial' : 'Full (upgraded)'}</dd>
        </div>
        <div>
          <dt>Last checked</dt>
          <dd>{formatDateTime(status.lastVerifiedAt)}</dd>
        </div>
      </dl>
      {account.status !== 'active' && (
        <div className="notice notice-warning" role="status">
          This account is {account.status}. Calls and texts will not work until Twilio reactivates it. Sign in to the
          Twilio Console to see why.
        </div>
      )}
      {account.type === 'Trial' && (
        <div className="notice notice-info" data-testid="trial-note">
          <strong>Trial account.</strong> Twilio trial accounts can own one phone number, can only call and text phone
          numbers you have verified in the Console, and play a short trial message on every call. Upgrade in the Twilio
          Console to remove these limits.
        </div>
      )}
      {status.tokenStorage === 'session' && status.tokenStorageReason && (
        <div className="notice notice-warning" role="status">
          {TOKEN_STORAGE_TEXT[status.tokenStorageReason]}
        </div>
      )}
      {error && <ErrorNotice error={error} onDismiss={dismissError} />}
      <div className="form-actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void verify()}>
          {busy === 'verify' ? 'Checking…' : 'Check again'}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => setReplacing(true)}>
          Change credentials
        </button>
        <button
          type="button"
          className="button button-danger-outline"
          disabled={busy !== null}
          onClick={() => setConfirmingDisconnect(true)}
        >
          Disconnect
        </button>
      </div>
      {replacing && (
        <div className="subsection">
          <h3>Change credentials</h3>
          <p>The current credentials stay in use unless Twilio accepts the new ones.</p>
          <CredentialsForm onCancel={() => setReplacing(false)} />
        </div>
      )}
      {confirmingDisconnect && (
        <Modal
          title="Disconnect Twilio?"
          confirm={{
            label: 'Disconnect',
            destructive: true,
            onConfirm: () => {
              setConfirmingDisconnect(false);
              void disconnect();
            },
          }}
          onCancel={() => setConfirmingDisconnect(false)}
        >
          <p>
            Gleam will forget the Auth Token for {account.friendlyName}. Your numbers and agents stay in Gleam’s local
            history, and nothing changes in your Twilio account. You can connect again at any time.
          </p>
        </Modal>
      )}
    </div>
  );
}
