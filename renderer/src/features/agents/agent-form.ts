/** Main's field errors for the agent editor, whose own checks are the contract's schema (see use-schema-form). */
import type { AppErrorData } from '../../../../shared/errors';
import { EMPTY_AGENT_DRAFT, type AgentDraft } from '../../../../shared/domain/agents';

export type AgentField = keyof AgentDraft;
export type AgentErrors = Partial<Record<AgentField, string>>;

const isAgentField = (key: string): key is AgentField => Object.prototype.hasOwnProperty.call(EMPTY_AGENT_DRAFT, key);

/** Main's `validation` answer names fields by their path in the input: `agent.name`. */
export function serverFieldErrors(error: AppErrorData | null): AgentErrors {
  const errors: AgentErrors = {};
  for (const [path, message] of Object.entries(error?.fieldErrors ?? {})) {
    const field = path.replace(/^agent\./, '');
    if (isAgentField(field)) errors[field] = message;
  }
  return errors;
}
