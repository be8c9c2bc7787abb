import type { Agent } from '../../../../shared/domain/agents';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { Modal } from '../../components/Modal';
import { useRunAssignments } from '../assignments/use-assignment-job';
import { NumberNames } from '../assignments/NumberNames';
import type { AssignmentActions } from '../assignments/use-assignment-actions';
import { countOf } from '../../lib/format';

interface DeleteAgentDialogProps {
  agent: Agent;
  numbers: OwnedNumber[];
  actions: AssignmentActions;
  onClose: () => void;
}

/** Asks before deleting an agent, naming the numbers that are unassigned (and restored) first. */
export function DeleteAgentDialog({ agent, numbers, actions, onClose }: DeleteAgentDialogProps) {
  const runAssignments = useRunAssignments();
  // The agent's own count covers numbers the local list does not have (yet).
  const numberCount = Math.max(numbers.length, agent.numberCount);
  const hasNumbers = numberCount > 0;
  // Without numbers nothing changes in Twilio, so only a running job holds it back.
  const blocked = hasNumbers ? actions.blocked : actions.jobRunning;

  return (
    <Modal
      title={`Delete ${agent.name}?`}
      onCancel={onClose}
      confirm={{
        label: 'Delete agent',
        destructive: true,
        disabled: blocked,
        describedBy: blocked ? actions.describedBy : undefined,
        onConfirm: () => {
          onClose();
          runAssignments({
            kind: 'delete-agent',
            agentId: agent.id,
            agentName: agent.name,
            numberCount,
          });
        },
      }}
    >
      <p>
        <strong>This cannot be undone.</strong> {agent.name}, with its greeting and instructions, is deleted from Gleam.
      </p>
      {hasNumbers ? (
        <>
          <p>
            First, Gleam unassigns its {countOf(numberCount, 'number')} and restores the Twilio settings they had before
            they were assigned:
          </p>
          {numbers.length > 0 && <NumberNames numbers={numbers} label="Numbers to unassign" />}
          <p>If a number cannot be unassigned, {agent.name} is kept, and Gleam tells you which number and why.</p>
        </>
      ) : (
        <p>It has no numbers, so nothing changes in your Twilio account.</p>
      )}
      {hasNumbers && actions.offline && (
        <p className="notice notice-warning">Offline — unassigning its numbers needs a connection to Twilio.</p>
      )}
    </Modal>
  );
}
