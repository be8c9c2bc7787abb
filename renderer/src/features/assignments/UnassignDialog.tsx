import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store/store-context';
import { useRunAssignments } from './use-assignment-job';
import { countOf, formatPhoneNumber } from '../../lib/format';
import { NumberNames } from './NumberNames';
import type { AssignmentActions } from './use-assignment-actions';

interface UnassignDialogProps {
  numbers: readonly OwnedNumber[];
  actions: AssignmentActions;
  fallbackFocus: () => HTMLElement | null;
}

/** Asks before taking numbers back from their agents; says their earlier Twilio settings come back. */
export function UnassignDialog({ numbers, actions, fallbackFocus }: UnassignDialogProps) {
  const closeDialog = useAppStore((state) => state.closeDialog);
  const close = () => closeDialog('assignmentDialog');
  const runAssignments = useRunAssignments();
  const agentIds = new Set(numbers.map((number) => number.assignment?.agentId));
  const single = numbers.length === 1 ? numbers[0] : undefined;
  const oneAgent = agentIds.size === 1 ? numbers[0]?.assignment : undefined;
  const agentWords = oneAgent ? oneAgent.agentName : 'their agents';

  return (
    <Modal
      title={
        single ? `Unassign ${formatPhoneNumber(single.phoneNumber)}?` : `Unassign ${countOf(numbers.length, 'number')}?`
      }
      onCancel={close}
      fallbackFocus={fallbackFocus}
      confirm={{
        label: 'Unassign',
        disabled: actions.blocked || numbers.length === 0,
        describedBy: actions.describedBy,
        onConfirm: () =>
          runAssignments({
            kind: 'run',
            action: 'unassign',
            ...(oneAgent ? { agentId: oneAgent.agentId } : {}),
            agentName: oneAgent?.agentName ?? null,
            numberSids: numbers.map((number) => number.sid),
          }),
      }}
    >
      <p>
        Calls and texts to {single ? 'this number' : 'these numbers'} will no longer reach {agentWords}. Gleam restores
        the Twilio settings {single ? 'it' : 'they'} had before {single ? 'it was' : 'they were'} assigned (or clears
        them if there were none).
      </p>
      <NumberNames numbers={numbers} label="Numbers to unassign" />
      {actions.offline && <p className="notice notice-warning">Offline — unassigning needs a connection to Twilio.</p>}
    </Modal>
  );
}
