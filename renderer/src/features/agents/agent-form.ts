/** The agent editor's draft and its rules: the contract's own schema, checked before anything is sent. */
import type { AppErrorData } from '../../../../shared/errors';
import { AgentDraftSchema, EMPTY_AGENT_DRAFT, type AgentDraft } from '../../../../shared/domain/agents';

export type AgentField = keyof AgentDraft;
export type AgentErrors = Partial<Record<AgentField, string>>;

const isAgentField = (key: string): key is AgentField => Object.prototype.hasOwnProperty.call(EMPTY_AGENT_DRAFT, key);

/** The draft as main will take it (trimmed), or the first broken rule of each field. */
export function checkAgentDraft(
  draft: AgentDraft,
): { ok: true; agent: AgentDraft } | { ok: false; errors: AgentErrors } {
  const parsed = AgentDraftSchema.safeParse(draft);
  if (parsed.success) return { ok: true, agent: parsed.data };
  const errors: AgentErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (isAgentField(field)) errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export function checkAgentField(draft: AgentDraft, field: AgentField): string | null {
  const result = checkAgentDraft(draft);
  return result.ok ? null : (result.errors[field] ?? null);
}

/** Main's `validation` answer names fields by their path in the input: `agent.name`. */
export function serverFieldErrors(error: AppErrorData | null): AgentErrors {
  const errors: AgentErrors = {};
  for (const [path, message] of Object.entries(error?.fieldErrors ?? {})) {
    const field = path.replace(/^agent\./, '');
    if (isAgentField(field)) errors[field] = message;
  }
  return errors;
}
