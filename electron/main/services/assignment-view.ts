/**
 * How the numbers' assignments are shown: the agent each number answers
 * for and where its configuration stands, drift from the agent's webhooks
 * included. The numbers list and the agents' counts read it from the
 * database alone, so neither needs the assignments service (which itself
 * needs the numbers service, to sync before a large job).
 */
import type { Database } from 'better-sqlite3';
import type { Assignment } from '../../../shared/domain/agents';
import { listAgents } from '../db/agents-repo';
import { listAssignments } from '../db/assignments-repo';
import type { NumberRecord } from '../db/numbers-repo';
import { agentConfiguration, driftedFields } from './webhooks';

/** The assignments of these numbers as the screens show them, drift included, by number SID. */
export function describeAssignments(
  db: Database,
  webhookBaseUrl: string,
  numbers: readonly NumberRecord[],
): Map<string, Assignment> {
  const agents = new Map(listAgents(db).map((agent) => [agent.id, agent]));
  const byNumber = new Map(listAssignments(db).map((assignment) => [assignment.numberSid, assignment]));
  const described = new Map<string, Assignment>();
  for (const number of numbers) {
    const assignment = byNumber.get(number.sid);
    const agent = assignment && agents.get(assignment.agentId);
    if (!assignment || !agent) continue;
    const drifted =
      assignment.status === 'configured' &&
      driftedFields(number.configuration, agentConfiguration(webhookBaseUrl, agent.id)).length > 0;
    described.set(number.sid, {
      agentId: agent.id,
      agentName: agent.name,
      agentStatus: agent.status,
      status: drifted ? 'drifted' : assignment.status,
      error: assignment.lastError,
      messaging: assignment.messaging,
      messagingError: assignment.messagingError,
    });
  }
  return described;
}
