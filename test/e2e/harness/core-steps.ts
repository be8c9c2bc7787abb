/** Set-up steps taken through the app's main-side core, where a spec is not about the screens they use. */
import { randomUUID } from 'node:crypto';
import { EMPTY_AGENT_DRAFT, type Agent } from '../../../shared/domain/agents';
import type { AppHost } from '../../support/app-host';

/** Creates an agent and gives it one of the account's numbers, as the Agents screen would. */
export async function assignToNewAgent(
  gleam: AppHost,
  name: string,
  phoneNumber: string,
): Promise<{ agent: Agent; numberSid: string }> {
  const agent = gleam.core.services.agents.save({ agent: { ...EMPTY_AGENT_DRAFT, name } });
  const number = gleam.core.services.numbers.list().numbers.find((candidate) => candidate.phoneNumber === phoneNumber);
  if (!number) throw new Error(`${phoneNumber} is not in the app's list`);
  await gleam.core.services.assignments.run({
    jobId: randomUUID(),
    action: 'assign',
    agentId: agent.id,
    numberSids: [number.sid],
  });
  return { agent, numberSid: number.sid };
}
