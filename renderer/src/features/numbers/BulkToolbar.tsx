import { useId } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { SelectionToolbar } from '../../components/SelectionToolbar';
import { useAppStore } from '../../store/store-context';
import type { AssignmentActions } from '../assignments/use-assignment-actions';
import { countOf } from '../../lib/format';

interface BulkToolbarProps {
  /** The ticked numbers that are still in the list. */
  selected: OwnedNumber[];
  actions: AssignmentActions;
}

/** What can be done to all ticked numbers at once: give them to an agent, or take them back. */
export function BulkToolbar({ selected, actions }: BulkToolbarProps) {
  const id = useId();
  const openAssignmentDialog = useAppStore((state) => state.openAssignmentDialog);
  const clearSelection = useAppStore((state) => state.clearNumberSelection);
  const assigned = selected.filter((number) => number.assignment !== null);
  const noneAssignedId = `${id}-none-assigned`;

  return (
    <SelectionToolbar>
      <p className="bulk-count">
        <strong>{countOf(selected.length, 'number')} selected</strong>
      </p>
      <button
        type="button"
        className="button button-primary"
        disabled={actions.blocked}
        aria-describedby={actions.describedBy}
        onClick={() =>
          openAssignmentDialog({ kind: 'assign-to-agent', numberSids: selected.map((number) => number.sid) })
        }
      >
        Assign to agent…
      </button>
      <button
        type="button"
        className="button"
        disabled={actions.blocked || assigned.length === 0}
        aria-describedby={actions.blocked ? actions.describedBy : assigned.length === 0 ? noneAssignedId : undefined}
        onClick={() => openAssignmentDialog({ kind: 'unassign', numberSids: assigned.map((number) => number.sid) })}
      >
        Unassign…
      </button>
      <button type="button" className="link-button" onClick={clearSelection}>
        Clear selection
      </button>
      {assigned.length === 0 && (
        <p id={noneAssignedId} className="muted bulk-note">
          None of them is assigned to an agent.
        </p>
      )}
      {assigned.length > 0 && assigned.length < selected.length && (
        <p className="muted bulk-note">Unassign applies to the {countOf(assigned.length, 'number')} with an agent.</p>
      )}
    </SelectionToolbar>
  );
}
