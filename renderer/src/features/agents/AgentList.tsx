import { useMemo, type ReactNode } from 'react';
import type { Agent } from '../../../../shared/domain/agents';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { attentionText } from '../assignments/assignment-text';
import { languageLabel, voiceLabel } from './agent-format';
import { focusScreenTitle } from './focus-screen-title';
import { StatusPill } from './StatusPill';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Every agent with its status, language, voice and numbers; or, with none yet, the way to make the first. */
export function AgentList({ agents, notices }: { agents: Agent[]; notices: ReactNode }) {
  const showAgents = useAppStore((state) => state.showAgents);
  const sorted = useMemo(() => [...agents].sort((a, b) => collator.compare(a.name, b.name)), [agents]);
  const go = (agentId: string | null) => {
    showAgents(agentId === null ? { kind: 'edit', agentId: null } : { kind: 'detail', agentId });
    focusScreenTitle();
  };

  return (
    <>
      <div className="agents-header">
        <h1 id="screen-title" tabIndex={-1}>
          Agents
        </h1>
        {agents.length > 0 && (
          <button type="button" className="button button-primary" onClick={() => go(null)}>
            New agent
          </button>
        )}
      </div>
      {notices}
      {agents.length === 0 ? (
        <div className="empty-state">
          <Icon name="agent" size={40} />
          <p className="empty-title">No agents yet</p>
          <p>
            An agent answers calls to your numbers: you give it a name, a greeting and instructions, then assign it
            phone numbers. Gleam sets up the numbers in Twilio for you.
          </p>
          <button type="button" className="button button-primary" onClick={() => go(null)}>
            Create your first agent
          </button>
        </div>
      ) : (
        <div className="agents-table-scroll">
          <table className="agents-table" aria-label="Agents">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Language</th>
                <th scope="col">Voice</th>
                <th scope="col">Numbers</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((agent) => (
                <tr key={agent.id} data-testid="agent-row">
                  <th scope="row">
                    <button type="button" className="link-button agent-open" onClick={() => go(agent.id)}>
                      {agent.name}
                    </button>
                  </th>
                  <td>
                    <StatusPill status={agent.status} />
                    {agent.status === 'inactive' && <span className="agent-inactive-hint">Calls not answered</span>}
                  </td>
                  <td>{languageLabel(agent.language)}</td>
                  <td>{voiceLabel(agent.voice)}</td>
                  <td>
                    {agent.numberCount.toLocaleString()}
                    {agent.attentionCount > 0 && (
                      <Badge kind="attention" className="agent-attention">
                        <Icon name="alert" size={12} /> {attentionText(agent.attentionCount)}
                      </Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
