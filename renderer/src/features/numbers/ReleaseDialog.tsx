import { ErrorNotice } from '../../components/ErrorNotice';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import type { ReleaseNumber } from './use-release-number';
import { formatPhoneNumber } from '../../lib/format';
import { Modal } from '../../components/Modal';
import type { TwilioActions } from '../../lib/twilio-actions';

interface ReleaseDialogProps {
  releasing: ReleaseNumber;
  target: OwnedNumber;
  actions: TwilioActions;
  /** Where focus goes once the released number's row is gone. */
  fallbackFocus: () => HTMLElement | null;
}

/** Asks before giving a number back to Twilio: it cannot be undone. */
export function ReleaseDialog({ releasing: release, target, actions, fallbackFocus }: ReleaseDialogProps) {
  const { confirmRelease, closeRelease, preparing, releasing, error } = release;
  const formatted = formatPhoneNumber(target.phoneNumber);

  return (
    <Modal
      title={`Release ${formatted}?`}
      onCancel={closeRelease}
      busy={releasing}
      fallbackFocus={fallbackFocus}
      confirm={{
        label: releasing ? 'Releasing…' : error ? 'Try again' : 'Release number',
        destructive: true,
        onConfirm: confirmRelease,
        disabled: releasing || preparing || actions.blocked,
        describedBy: actions.describedBy,
      }}
    >
      <p>
        <strong>This cannot be undone.</strong>{' '}
        <data value={target.phoneNumber} title={target.phoneNumber}>
          {formatted}
        </data>
        {target.friendlyName && target.friendlyName !== formatted ? ` (${target.friendlyName})` : ''} goes back to
        Twilio. Twilio stops billing you for it, and someone else may get it, so you may not be able to buy it again.
      </p>
      {target.assignment && (
        <p>
          It is assigned to <strong>{target.assignment.agentName}</strong>: Gleam unassigns it from{' '}
          {target.assignment.agentName} first, and calls to it will no longer be answered.
        </p>
      )}
      {actions.offline && <p className="notice notice-warning">Offline — releasing needs a connection to Twilio.</p>}
      {error && <ErrorNotice error={error} />}
    </Modal>
  );
}
