import { useMemo, useState } from 'react';
import { useShowMore } from '../../components/use-show-more';
import { SelectionToolbar } from '../../components/SelectionToolbar';
import type { Agent } from '../../../../shared/domain/agents';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { useAppStore } from '../../store/store-context';
import { AssignmentDetails } from '../assignments/AssignmentBadge';
import { needsAttention } from '../assignments/assignment-text';
import { FixButtons } from '../assignments/FixButtons';
import type { AssignmentActions } from '../assignments/use-assignment-actions';
import { countOf, formatPhoneNumber } from '../../lib/format';

/** Rows are shown this many at a time: an agent can have thousands of numbers. */

interface AgentNumbersProps {
  agent: Agent;
  /** The agent's numbers, those needing attention first. */
  numbers: OwnedNumber[];
  actions: AssignmentActions;
  /** Whether the account has any numbers at all, to say where to get one. */
  ownsNumbers: boolean;
}

/** The agent's numbers, each with the state of its Twilio setup and the fix it needs, and unassigning. */
export function AgentNumbers({ agent, numbers, actions, ownsNumbers }: AgentNumbersProps) {
  const openAssignmentDialog = useAppStore((state) => state.openAssignmentDialog);
  const navigate = useAppStore((state) => state.navigate);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const { shown, showMore } = useShowMore(numbers);
  // Numbers that left the agent (unassigned, released) drop out of the selection.
  const chosen = useMemo(() => numbers.filter((number) => selected.has(number.sid)), [numbers, selected]);
  const all = numbers.length > 0 && chosen.length === numbers.length;

  const toggle = (sid: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(sid);
      else next.delete(sid);
      return next;
    });
  const unassign = (sids: string[]) => openAssignmentDialog({ kind: 'unassign', numberSids: sids });

  if (numbers.length === 0) {
    return ownsNumbers ? (
      <p className="muted">
        No numbers yet. Assign a number so that its calls reach {agent.name}; Gleam sets it up in Twilio for you.
      </p>
    ) : (
      <p className="muted">
        You have no phone numbers yet. Buy one, or sync the ones your Twilio account has, on the Phone Numbers screen;
        then assign it here.{' '}
        <button type="button" className="link-button" onClick={() => navigate('numbers')}>
          Go to Phone Numbers
        </button>
      </p>
    );
  }

  return (
    <>
      <SelectionToolbar>
        <label className="choice">
          <input
            type="checkbox"
            checked={all}
            ref={(element) => {
              if (element) element.indeterminate = chosen.length > 0 && !all;
            }}
            onChange={(event) =>
              setSelected(event.target.checked ? new Set(numbers.map((number) => number.sid)) : new Set())
            }
          />
          Select all
        </label>
        <span className="bulk-count">{countOf(chosen.length, 'number')} selected</span>
        <button
          type="button"
          className="button"
          disabled={chosen.length === 0 || actions.blocked}
          aria-describedby={actions.describedBy}
          onClick={() => unassign(chosen.map((number) => number.sid))}
        >
          Unassign selected…
        </button>
      </SelectionToolbar>
      <ul className="agent-numbers" aria-label={`Numbers assigned to ${agent.name}`}>
        {shown.map((number) => {
          const formatted = formatPhoneNumber(number.phoneNumber);
          const { assignment } = number;
          return (
            <li key={number.sid} className="agent-number" data-testid="agent-number">
              <input
                type="checkbox"
                aria-label={`Select ${formatted}`}
                checked={selected.has(number.sid)}
                onChange={(event) => toggle(number.sid, event.target.checked)}
              />
              <div className="agent-number-main">
                <p className="agent-number-title">
                  <data value={number.phoneNumber} className="agent-number-phone">
                    {formatted}
                  </data>
                  {number.friendlyName && number.friendlyName !== formatted && (
                    <span className="muted"> · {number.friendlyName}</span>
                  )}
                </p>
                {assignment && <AssignmentDetails assignment={assignment} />}
              </div>
              <div className="agent-number-actions">
                <FixButtons number={number} actions={actions} nameTheNumber />
                {assignment?.status !== 'unassigning' && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Unassign ${formatted}…`}
                    disabled={actions.blocked}
                    aria-describedby={actions.describedBy}
                    onClick={() => unassign([number.sid])}
                  >
                    Unassign…
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {showMore}
    </>
  );
}

/** The agent's numbers from the owned list, those that need attention first, then by number. */
export function numbersOf(owned: readonly OwnedNumber[], agentId: string): OwnedNumber[] {
  return owned
    .filter((number) => number.assignment?.agentId === agentId)
    .sort(
      (a, b) =>
        Number(needsAttention(b.assignment)) - Number(needsAttention(a.assignment)) ||
        a.phoneNumber.localeCompare(b.phoneNumber),
    );
}
