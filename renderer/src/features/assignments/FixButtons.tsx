import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { formatPhoneNumber } from '../../lib/format';
import { describeAssignment } from './assignment-text';
import { useAssignmentFix } from './use-assignment-fix';
import type { AssignmentActions } from './use-assignment-actions';
import './assignments.css';

interface FixButtonsProps {
  number: OwnedNumber;
  actions: AssignmentActions;
  /** In a list of numbers, each button's name says which number it is for. */
  nameTheNumber: boolean;
}

/** Repair and "Keep Twilio's settings…" for a drifted number; Retry for a failed assign or unassign. */
export function FixButtons({ number, actions, nameTheNumber }: FixButtonsProps) {
  const fix = useAssignmentFix();
  if (!number.assignment) return null;
  const { fix: kind } = describeAssignment(number.assignment);
  if (!kind) return null;
  const formatted = formatPhoneNumber(number.phoneNumber);
  const name = (label: string) => (nameTheNumber ? `${label} ${formatted}` : undefined);
  const choose = (action: (number: OwnedNumber) => void) => () => action(number);
  const common = { type: 'button', disabled: actions.blocked, 'aria-describedby': actions.describedBy } as const;

  if (kind === 'repair') {
    return (
      <span className="fix-buttons">
        <button
          {...common}
          className="button button-small button-primary"
          aria-label={name('Repair')}
          onClick={choose(fix.repair)}
        >
          Repair
        </button>
        <button
          {...common}
          className="button button-small"
          aria-label={nameTheNumber ? `Keep Twilio’s settings for ${formatted}…` : undefined}
          onClick={choose(fix.adopt)}
        >
          Keep Twilio’s settings…
        </button>
      </span>
    );
  }
  return (
    <span className="fix-buttons">
      <button
        {...common}
        className="button button-small button-primary"
        aria-label={name('Retry')}
        onClick={choose(fix.retry)}
      >
        Retry
      </button>
    </span>
  );
}
