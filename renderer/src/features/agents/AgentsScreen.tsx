import { useCallback, useRef } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { readErrorOf } from '../../lib/query/hooks';
import { useAgentList, useNumberList } from '../../lib/query/reads';
import { useAppStore } from '../../store/store-context';
import { AssignmentDialogs } from '../assignments/AssignmentDialogs';
import { AssignmentJobStatus } from '../assignments/AssignmentJobStatus';
import { useAssignmentActions } from '../assignments/use-assignment-actions';
import { ActionsBlockedNote } from '../../components/ActionsBlockedNote';
import { AgentDetail } from './AgentDetail';
import { AgentEditor } from './AgentEditor';
import { AgentList } from './AgentList';
import './agents.css';

/**
 * Agents: the list, one agent with its numbers, and the editor. Agents and
 * numbers are both read from main's local copy and reloaded when main says
 * they changed, so the screen works offline; actions that change Twilio are
 * turned off then, with the reason.
 */
export function AgentsScreen() {
  const agentList = useAgentList();
  const agents = agentList.data ?? null;
  const loading = agentList.isFetching;
  const error = readErrorOf(agentList);
  const view = useAppStore((state) => state.agentsView);
  const owned = useNumberList().data?.numbers ?? null;
  const actions = useAssignmentActions();
  const sectionRef = useRef<HTMLElement>(null);

  const focusTitle = useCallback(() => sectionRef.current?.querySelector<HTMLElement>('#screen-title') ?? null, []);

  const notices = (
    <>
      <ActionsBlockedNote actions={actions} />
      <AssignmentJobStatus />
    </>
  );
  const current = view.kind === 'list' || !agents ? undefined : agents.find((agent) => agent.id === view.agentId);

  let content;
  if (agents === null) {
    content = (
      <>
        <h1 id="screen-title" tabIndex={-1}>
          Agents
        </h1>
        {loading && (
          <p role="status" aria-busy="true">
            Loading your agents…
          </p>
        )}
        {error && (
          <div>
            <ErrorNotice error={error} />
            <button type="button" className="button" onClick={() => void agentList.refetch()}>
              Try again
            </button>
          </div>
        )}
      </>
    );
  } else if (view.kind === 'edit' && (view.agentId === null || current)) {
    // Keyed, so switching from one agent's editor to another's starts from that agent's values.
    content = <AgentEditor key={view.agentId ?? 'new'} agent={current ?? null} notices={notices} />;
  } else if (view.kind === 'detail' && current) {
    content = <AgentDetail agent={current} owned={owned} actions={actions} notices={notices} />;
  } else {
    // The list, also when the agent that was open is gone (deleted here or elsewhere).
    content = <AgentList agents={agents} notices={notices} />;
  }

  return (
    <section ref={sectionRef} className="screen agents-screen" aria-labelledby="screen-title">
      {content}
      <AssignmentDialogs fallbackFocus={focusTitle} />
    </section>
  );
}
