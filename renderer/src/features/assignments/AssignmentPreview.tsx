import { useMemo } from 'react';
import { useShowMore } from '../../components/use-show-more';
import type { Agent } from '../../../../shared/domain/agents';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { useConnectedStatus } from '../../lib/query/reads';
import { countOf, formatPhoneNumber } from '../../lib/format';
import { assignmentChanges } from './assignment-text';

/** Per-number lines are shown this many at a time: a preview of 10,000 numbers opens at once. */

interface AssignmentPreviewProps {
  agent: Agent;
  /** The numbers that will change. */
  numbers: readonly OwnedNumber[];
  /** Chosen numbers already with this agent, which are left as they are. */
  unchanged: number;
}

/** What assigning will change, in total and number by number, before anything is sent to Twilio. */
export function AssignmentPreview({ agent, numbers, unchanged }: AssignmentPreviewProps) {
  const { shown, showMore } = useShowMore(numbers);
  const messagingService = useConnectedStatus()?.messagingService ?? null;
  const counts = useMemo(() => {
    let moving = 0;
    let override = 0;
    let external = 0;
    let texting = 0;
    for (const number of numbers) {
      if (number.assignment) moving += 1;
      else if (number.webhookState === 'override') override += 1;
      else if (number.webhookState === 'external') external += 1;
      if (number.capabilities.sms) texting += 1;
    }
    return { moving, override, external, texting };
  }, [numbers]);

  return (
    <div className="preview">
      <p>
        <strong>
          {countOf(numbers.length, 'number')} will be assigned to {agent.name}.
        </strong>{' '}
        Gleam sets each one up in your Twilio account so its calls and texts go to {agent.name}, and keeps its current
        settings so they can be put back if you unassign it.
      </p>
      {(counts.moving > 0 || counts.override > 0 || counts.external > 0 || unchanged > 0) && (
        <ul className="preview-summary">
          {counts.moving > 0 && <li>{countOf(counts.moving, 'number')} will move here from another agent.</li>}
          {counts.override > 0 && (
            <li>
              {countOf(counts.override, 'number')} {counts.override === 1 ? 'has' : 'have'} a TwiML App or SIP trunk
              that will be cleared (and restored if you unassign).
            </li>
          )}
          {counts.external > 0 && (
            <li>
              {countOf(counts.external, 'number')} now {counts.external === 1 ? 'sends its' : 'send their'} calls to an
              address set outside Gleam; it will be saved and restored if you unassign.
            </li>
          )}
          {unchanged > 0 && (
            <li>
              {countOf(unchanged, 'number')} {unchanged === 1 ? 'is' : 'are'} already assigned to {agent.name} and will
              be left as {unchanged === 1 ? 'it is' : 'they are'}.
            </li>
          )}
        </ul>
      )}
      {agent.status === 'inactive' && (
        <p className="notice notice-warning">
          {agent.name} is inactive: calls to these numbers will not be answered until you make it active.
        </p>
      )}
      {messagingService && counts.texting > 0 && (
        <p className="notice notice-info">
          Numbers that can text will also be added to your Messaging Service, {messagingService.friendlyName}.
        </p>
      )}
      <h3>Number by number</h3>
      <ul className="preview-list" aria-label="Changes per number">
        {shown.map((number) => (
          <li key={number.sid}>
            <span className="preview-number">
              <data value={number.phoneNumber}>{formatPhoneNumber(number.phoneNumber)}</data>
              {number.friendlyName && number.friendlyName !== number.phoneNumber && (
                <span className="muted"> · {number.friendlyName}</span>
              )}
            </span>
            <ul>
              {assignmentChanges(number, agent).map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {showMore}
    </div>
  );
}
