import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store/store-context';
import { useRunAssignments } from './use-assignment-job';
import { formatPhoneNumber } from '../../lib/format';
import type { AssignmentActions } from './use-assignment-actions';

interface AdoptDialogProps {
  number: OwnedNumber;
  actions: AssignmentActions;
  fallbackFocus: () => HTMLElement | null;
}

/** Confirms keeping what someone set in Twilio: the number leaves its agent, and Twilio is not touched. */
export function AdoptDialog({ number, actions, fallbackFocus }: AdoptDialogProps) {
  const closeDialog = useAppStore((state) => state.closeDialog);
  const close = () => closeDialog('assignmentDialog');
  const runAssignments = useRunAssignments();
  const formatted = formatPhoneNumber(number.phoneNumber);
  const agentName = number.assignment?.agentName ?? 'its agent';

  return (
    <Modal
      title={`Keep Twilio’s settings for ${formatted}?`}
      onCancel={close}
      fallbackFocus={fallbackFocus}
      confirm={{
        label: 'Keep Twilio’s settings',
        disabled: actions.blocked,
        describedBy: actions.describedBy,
        onConfirm: () =>
          runAssignments({
            kind: 'run',
            action: 'adopt',
            ...(number.assignment ? { agentId: number.assignment.agentId } : {}),
            agentName: number.assignment?.agentName ?? null,
            numberSids: [number.sid],
          }),
      }}
    >
      <p>
        Someone changed {formatted} in Twilio, outside Gleam. If you keep those settings, Gleam unassigns the number
        from {agentName} without changing anything in Twilio.
      </p>
      <p>Its calls will go wherever the new settings say, not to {agentName}. You can assign it again later.</p>
      {actions.offline && <p className="notice notice-warning">Offline — this needs a connection to Twilio.</p>}
    </Modal>
  );
}
