/**
 * Agents: create, edit, delete. Deleting unassigns the agent's numbers first
 * (restoring what they had before Gleam) and keeps the agent if any of them
 * could not be unassigned, so no number is left pointing at a deleted agent.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Agent, AssignmentResult } from '../../../shared/domain/agents';
import { appError, reasonError } from '../../../shared/errors';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import type { Clock } from '../infrastructure/clock';
import type { EmitEvent } from '../infrastructure/events';
import { getLatestAccount } from '../db/accounts-repo';
import { deleteAgent, getAgent, insertAgent, listAgents, updateAgent, type AgentRecord } from '../db/agents-repo';
import { assignmentsOfAgent } from '../db/assignments-repo';
import { listOwnedNumbers } from '../db/numbers-repo';
import type { ChannelHandlers } from '../ipc/registrar';
import type { AssignmentsService } from './assignments-service';
import { describeAssignments } from './assignment-view';

export interface AgentsServiceDeps {
  db: Database;
  assignments: AssignmentsService;
  emit: EmitEvent;
  clock: Clock;
  /** Where assigned numbers' webhooks should point (the settings), to count numbers that drifted. */
  webhookBaseUrl: () => string;
}

export interface AgentsService {
  list(): Agent[];
  save(input: ChannelParsedInput<'agents:save'>): Agent;
  delete(input: ChannelParsedInput<'agents:delete'>): Promise<AssignmentResult & { deleted: boolean }>;
}

export function createAgentsService(deps: AgentsServiceDeps): AgentsService {
  const { db, assignments, emit, webhookBaseUrl } = deps;
  const now = () => deps.clock().toISOString();

  function list(): Agent[] {
    const account = getLatestAccount(db);
    const numbers = account ? listOwnedNumbers(db, account.sid) : [];
    const counts = new Map<string, { numberCount: number; attentionCount: number }>();
    for (const assignment of describeAssignments(db, webhookBaseUrl(), numbers).values()) {
      const count = counts.get(assignment.agentId) ?? { numberCount: 0, attentionCount: 0 };
      count.numberCount += 1;
      if (assignment.status === 'drifted' || assignment.error !== null) count.attentionCount += 1;
      counts.set(assignment.agentId, count);
    }
    return listAgents(db).map((agent) => ({
      ...agent,
      ...(counts.get(agent.id) ?? { numberCount: 0, attentionCount: 0 }),
    }));
  }

  const changed = () => {
    emit('agents:changed', {});
    // The numbers list shows agent names and states.
    emit('numbers:changed', {});
  };

  return {
    list,

    save({ id, agent: draft }) {
      const at = now();
      let saved: AgentRecord | null;
      if (id === undefined) {
        const created = randomUUID();
        insertAgent(db, created, draft, at);
        saved = getAgent(db, created);
      } else {
        if (!updateAgent(db, id, draft, at)) throw reasonError('agent_gone');
        saved = getAgent(db, id);
      }
      changed();
      const agent = list().find((candidate) => candidate.id === saved?.id);
      if (!agent) throw appError('internal');
      return agent;
    },

    async delete({ id, jobId }) {
      if (!getAgent(db, id)) throw reasonError('agent_gone');
      const numberSids = assignmentsOfAgent(db, id).map((assignment) => assignment.numberSid);
      const result: AssignmentResult =
        numberSids.length > 0
          ? await assignments.run({ jobId, action: 'unassign', numberSids })
          : { jobId, outcomes: [] };
      const deleted = result.outcomes.every((outcome) => outcome.outcome === 'done');
      if (deleted) deleteAgent(db, id);
      changed();
      return { ...result, deleted };
    },
  };
}

export function agentsHandlers(agents: AgentsService): ChannelHandlers<'agents'> {
  return {
    'agents:list': () => ({ agents: agents.list() }),
    'agents:save': (input) => ({ agent: agents.save(input) }),
    'agents:delete': (input) => agents.delete(input),
  };
}
