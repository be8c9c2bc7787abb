import { useMemo, useState, type ReactNode } from 'react';
import type { Agent } from '../../../../shared/domain/agents';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { useAppStore } from '../../store/store-context';
import type { AssignmentActions } from '../assignments/use-assignment-actions';
import { attentionText } from '../assignments/assignment-text';
import { formatPhoneNumber } from '../../lib/format';
import { inactiveNote, languageLabel, voiceLabel } from './agent-format';
import { AgentNumbers, numbersOf } from './AgentNumbers';
import { DeleteAgentDialog } from './DeleteAgentDialog';
import { focusScreenTitle } from './focus-screen-title';
import { StatusPill } from './StatusPill';

interface AgentDetailProps {
  agent: Agent;
  /** The owned numbers, or null while they load. */
  owned: readonly OwnedNumber[] | null;
  actions: AssignmentActions;
  notices: ReactNode;
}

/** One agent: its settings, its numbers and their Twilio setup, and assign, edit and delete. */
export function AgentDetail({ agent, owned, actions, notices }: AgentDetailProps) {
  const showAgents = useAppStore((state) => state.showAgents);
  const openAssignmentDialog = useAppStore((state) => state.openAssignmentDialog);
  const [deleting, setDeleting] = useState(false);
  const numbers = useMemo(() => (owned ? numbersOf(owned, agent.id) : []), [owned, agent.id]);
  const go = (view: Parameters<typeof showAgents>[0]) => {
    showAgents(view);
    focusScreenTitle();
  };

  return (
    <>
      <button type="button" className="link-button agents-back" onClick={() => go({ kind: 'list' })}>
        <span aria-hidden="true">← </span>All agents
      </button>
      <div className="agents-header">
        <h1 id="screen-title" tabIndex={-1}>
          {agent.name}
        </h1>
        <div className="agents-actions">
          <button type="button" className="button" onClick={() => go({ kind: 'edit', agentId: agent.id })}>
            Edit agent
          </button>
          <button type="button" className="button button-danger-outline" onClick={() => setDeleting(true)}>
            Delete agent…
          </button>
        </div>
      </div>
      {notices}
      {agent.status === 'inactive' && (
        <p className="notice notice-warning" role="status">
          {inactiveNote(agent.name)} Edit the agent and make it active to answer them again.
        </p>
      )}
      <section className="card" aria-labelledby="agent-settings-title">
        <h2 id="agent-settings-title">Settings</h2>
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusPill status={agent.status} />
            </dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>{languageLabel(agent.language)}</dd>
          </div>
          <div>
            <dt>Voice</dt>
            <dd>{voiceLabel(agent.voice)}</dd>
          </div>
          <div>
            <dt>Forwarding number</dt>
            <dd>{agent.forwardingNumber ? formatPhoneNumber(agent.forwardingNumber) : 'None'}</dd>
          </div>
        </dl>
        <dl className="agent-texts">
          <dt>Greeting</dt>
          <dd>{agent.greeting || <span className="muted">None yet</span>}</dd>
          <dt>Instructions</dt>
          <dd className="agent-instructions">{agent.instructions || <span className="muted">None yet</span>}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="agent-numbers-title">
        <div className="agents-header">
          <h2 id="agent-numbers-title">Numbers ({agent.numberCount.toLocaleString()})</h2>
          <button
            type="button"
            className="button button-primary"
            disabled={actions.blocked || !owned?.length}
            aria-describedby={actions.describedBy}
            onClick={() => openAssignmentDialog({ kind: 'assign-numbers', agentId: agent.id })}
          >
            Assign numbers…
          </button>
        </div>
        {agent.attentionCount > 0 && (
          <p className="notice notice-warning">
            {attentionText(agent.attentionCount)}: see below for what happened and the fix.
          </p>
        )}
        {owned === null ? (
          <p role="status">Loading its numbers…</p>
        ) : (
          <AgentNumbers agent={agent} numbers={numbers} actions={actions} ownsNumbers={owned.length > 0} />
        )}
      </section>
      {deleting && (
        <DeleteAgentDialog agent={agent} numbers={numbers} actions={actions} onClose={() => setDeleting(false)} />
      )}
    </>
  );
}
