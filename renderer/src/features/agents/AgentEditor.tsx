import type { ReactNode } from 'react';
import { AgentDraftSchema, draftOf, EMPTY_AGENT_DRAFT, type Agent } from '../../../../shared/domain/agents';
import { FormFooter } from '../../components/FormFooter';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useAppStore } from '../../store/store-context';
import { useSchemaForm } from '../../lib/use-schema-form';
import { serverFieldErrors } from './agent-form';
import { inactiveNote, LANGUAGE_OPTIONS, STATUS_LABEL, VOICE_OPTIONS } from './agent-format';
import { focusScreenTitle } from './focus-screen-title';
import { useSaveAgent } from './use-save-agent';
import './agents.css';

const STATUS_OPTIONS = (['active', 'inactive'] as const).map((status) => ({
  value: status,
  label: STATUS_LABEL[status],
}));

const FORWARDING = {
  label: 'Forwarding number (optional)',
  placeholder: '+14155550100',
  help: 'Where calls go if the agent cannot answer, in international format: + and the country code, then the number.',
};

/** The agent's texts, in the order the form asks for them. */
const TEXTS = [
  { name: 'name', label: 'Name', help: 'For you: it is shown in Gleam, not to callers.' },
  {
    name: 'greeting',
    label: 'Greeting',
    rows: 2,
    help: 'The first thing callers hear, such as “Thanks for calling Acme Plumbing, how can I help?”',
  },
  {
    name: 'instructions',
    label: 'Instructions',
    rows: 8,
    help: 'What the agent should know and do: your opening hours, services, prices, when to take a message.',
  },
] as const;

/** The Agents screen's editor: create an agent (agent null) or edit one. */
export function AgentEditor({ agent, notices }: { agent: Agent | null; notices: ReactNode }) {
  const showAgents = useAppStore((state) => state.showAgents);
  const cancel = () => {
    showAgents(agent ? { kind: 'detail', agentId: agent.id } : { kind: 'list' });
    focusScreenTitle();
  };
  return (
    <>
      <div className="agents-header">
        <h1 id="screen-title" tabIndex={-1}>
          {agent ? `Edit ${agent.name}` : 'New agent'}
        </h1>
      </div>
      {notices}
      <AgentForm agent={agent} onSaved={focusScreenTitle} onCancel={cancel} />
    </>
  );
}

interface AgentFormProps {
  agent: Agent | null;
  /** After a save; the store has already shown the saved agent on the Agents screen. */
  onSaved: (agent: Agent) => void;
  onCancel?: () => void;
}

/** An agent's fields, checked as they are typed, and Save. Saving needs no connection: agents live in Gleam. */
export function AgentForm({ agent, onSaved, onCancel }: AgentFormProps) {
  const save = useSaveAgent();
  const { saveAgent, saving, error } = save;
  const form = useSchemaForm({
    schema: AgentDraftSchema,
    initial: agent ? draftOf(agent) : EMPTY_AGENT_DRAFT,
    serverErrors: serverFieldErrors(error),
    onValid: async (checked) => {
      const saved = await saveAgent(agent?.id ?? null, checked);
      if (saved) onSaved(saved);
    },
  });
  const { draft } = form;

  return (
    <form className="card form agent-form" noValidate aria-label="Agent details" onSubmit={form.submit}>
      {TEXTS.map(({ name, ...shown }) => (
        <TextField key={name} {...shown} {...form.field(name)} disabled={saving} />
      ))}
      <div className="agent-form-row">
        <SelectField label="Voice" {...form.field('voice')} options={VOICE_OPTIONS} disabled={saving} />
        <SelectField label="Language" {...form.field('language')} options={LANGUAGE_OPTIONS} disabled={saving} />
      </div>
      <RadioGroup
        legend="Status"
        options={STATUS_OPTIONS}
        {...form.field('status')}
        className="agent-status"
        help="Active agents answer calls to their numbers. Make an agent inactive to stop it answering for a while."
        disabled={saving}
      />
      {draft.status === 'inactive' && (
        <p className="notice notice-warning" role="status">
          {inactiveNote(draft.name.trim() || 'This agent')}
        </p>
      )}
      <TextField {...FORWARDING} {...form.field('forwardingNumber')} disabled={saving} />
      <FormFooter request={save} labels={['Save agent', 'Saving…']} onCancel={onCancel} />
    </form>
  );
}
