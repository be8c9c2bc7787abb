import type { Assignment } from '../../../../shared/domain/agents';
import { Badge } from '../../components/Badge';
import { describeAssignment, INACTIVE_AGENT_NOTE, messagingNote } from './assignment-text';
import './assignments.css';

/** A number's assignment state as a small badge, e.g. "Changed in Twilio"; nothing when all is well. */
export function AssignmentBadge({ assignment }: { assignment: Assignment }) {
  const state = describeAssignment(assignment);
  if (state.tone === 'ok') return null;
  return (
    <Badge kind={['assignment', state.tone]} title={state.detail}>
      {state.label}
    </Badge>
  );
}

/** The "Agent inactive" badge: calls to the number go unanswered. */
export function InactiveAgentBadge({ assignment }: { assignment: Assignment }) {
  if (assignment.agentStatus !== 'inactive') return null;
  return (
    <Badge kind="inactive" title={INACTIVE_AGENT_NOTE}>
      Agent inactive
    </Badge>
  );
}

/** The state in full: badge and sentence, the inactive-agent note and the Messaging Service note. */
export function AssignmentDetails({ assignment }: { assignment: Assignment }) {
  const state = describeAssignment(assignment);
  const messaging = messagingNote(assignment);
  return (
    <div className="assignment-details">
      <p className={`assignment-state assignment-state-${state.tone}`}>
        <Badge kind={['assignment', state.tone]}>{state.label}</Badge> {state.detail}
      </p>
      {messaging && (
        <p className={messaging.failed ? 'assignment-note assignment-note-warning' : 'assignment-note'}>
          {messaging.text}
        </p>
      )}
    </div>
  );
}
