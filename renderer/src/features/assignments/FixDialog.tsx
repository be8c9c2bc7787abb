import { useRef } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store-context';
import { formatPhoneNumber } from '../../lib/format';
import { AssignmentDetails } from './AssignmentBadge';
import { FixButtons } from './FixButtons';
import type { AssignmentActions } from './use-assignment-actions';

interface FixDialogProps {
  number: OwnedNumber;
  actions: AssignmentActions;
  fallbackFocus: () => HTMLElement | null;
}

/** From a row of the Phone Numbers table: what is wrong with the number's assignment, and the fixes. */
export function FixDialog({ number, actions, fallbackFocus }: FixDialogProps) {
  const closeDialog = useAppStore((state) => state.closeDialog);
  const close = () => closeDialog('assignmentDialog');
  const closeRef = useRef<HTMLButtonElement>(null);
  const formatted = formatPhoneNumber(number.phoneNumber);
  const { assignment } = number;

  return (
    <Dialog
      title={`${formatted} needs attention`}
      onCancel={close}
      fallbackFocus={fallbackFocus}
      initialFocus={closeRef}
      actions={
        <>
          <button ref={closeRef} type="button" className="button" onClick={close}>
            Close
          </button>
          {/* A fix replaces this dialog: with its progress, or with the confirmation it needs. */}
          <FixButtons number={number} actions={actions} nameTheNumber={false} />
        </>
      }
    >
      {assignment ? (
        <>
          <p>
            Assigned to <strong>{assignment.agentName}</strong>
            {number.friendlyName && number.friendlyName !== formatted ? ` · ${number.friendlyName}` : ''}
          </p>
          <AssignmentDetails assignment={assignment} />
          {assignment.status === 'drifted' && (
            <ul className="fix-choices">
              <li>
                <strong>Repair</strong> sets it up for {assignment.agentName} again, replacing what was changed.
              </li>
              <li>
                <strong>Keep Twilio’s settings</strong> leaves Twilio as it is now and unassigns the number.
              </li>
            </ul>
          )}
        </>
      ) : (
        <p>This number is no longer assigned to an agent.</p>
      )}
    </Dialog>
  );
}
