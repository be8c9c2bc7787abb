import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { useAppStore } from '../../store/store-context';
import { useRunAssignments } from './use-assignment-job';

/** The one-click fixes for a number whose assignment needs attention: Repair, Keep Twilio's settings, Retry. */
export function useAssignmentFix() {
  const runAssignments = useRunAssignments();
  const openAssignmentDialog = useAppStore((state) => state.openAssignmentDialog);

  const run = (number: OwnedNumber, action: 'assign' | 'unassign' | 'repair') => {
    const { assignment } = number;
    if (!assignment) return;
    runAssignments({
      kind: 'run',
      action,
      agentId: assignment.agentId,
      agentName: assignment.agentName,
      numberSids: [number.sid],
    });
  };

  return {
    repair: (number: OwnedNumber) => run(number, 'repair'),
    /** Asks first: the number leaves its agent and keeps what Twilio has. */
    adopt: (number: OwnedNumber) => openAssignmentDialog({ kind: 'adopt', numberSid: number.sid }),
    /** Finishes what failed: the assign or the unassign, as the number's state says. */
    retry: (number: OwnedNumber) => run(number, number.assignment?.status === 'unassigning' ? 'unassign' : 'assign'),
  };
}
