import { useId, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import {
  draftOf,
  EMPTY_AGENT_DRAFT,
  type Agent,
  type AgentDraft,
  type AgentStatus,
} from '../../../../shared/domain/agents';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useAppStore } from '../../store/store-context';
import { checkAgentDraft, checkAgentField, serverFieldErrors, type AgentErrors, type AgentField } from './agent-form';
import { inactiveNote, LANGUAGE_OPTIONS, STATUS_LABEL, VOICE_OPTIONS } from './agent-format';
import { focusScreenTitle } from './focus-screen-title';
import { useSaveAgent } from './use-save-agent';
import './agents.css';

const STATUSES: AgentStatus[] = ['active', 'inactive'];

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
  const id = useId();
  const { saveAgent, saving, error, dismissError } = useSaveAgent();
  const [draft, setDraft] = useState<AgentDraft>(() => (agent ? draftOf(agent) : EMPTY_AGENT_DRAFT));
  const [errors, setErrors] = useState<AgentErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  const update =
    <F extends AgentField>(field: F) =>
    (value: AgentDraft[F]) => {
      const next = { ...draft, [field]: value };
      setDraft(next);
      // A shown error goes as soon as the value is right; new errors wait for blur or Save.
      if (errors[field] && !checkAgentField(next, field)) setErrors(({ [field]: _fixed, ...rest }) => rest);
    };

  const blur = (field: AgentField) => () => {
    if (draft[field] === '') return;
    const problem = checkAgentField(draft, field);
    setErrors(({ [field]: _previous, ...rest }) => (problem ? { ...rest, [field]: problem } : rest));
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const checked = checkAgentDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    const saved = await saveAgent(agent?.id ?? null, checked.agent);
    if (saved) onSaved(saved);
  };

  const fromMain = serverFieldErrors(error);
  const errorFor = (field: AgentField) => errors[field] ?? fromMain[field];

  return (
    <form
      ref={formRef}
      className="card form agent-form"
      noValidate
      aria-label="Agent details"
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        label="Name"
        name="name"
        value={draft.name}
        help="For you: it is shown in Gleam, not to callers."
        onChange={update('name')}
        onBlur={blur('name')}
        error={errorFor('name')}
        disabled={saving}
      />
      <TextField
        label="Greeting"
        name="greeting"
        value={draft.greeting}
        rows={2}
        help="The first thing callers hear, such as “Thanks for calling Acme Plumbing, how can I help?”"
        onChange={update('greeting')}
        onBlur={blur('greeting')}
        error={errorFor('greeting')}
        disabled={saving}
      />
      <TextField
        label="Instructions"
        name="instructions"
        value={draft.instructions}
        rows={8}
        help="What the agent should know and do: your opening hours, services, prices, when to take a message."
        onChange={update('instructions')}
        onBlur={blur('instructions')}
        error={errorFor('instructions')}
        disabled={saving}
      />
      <div className="agent-form-row">
        <SelectField
          label="Voice"
          name="voice"
          value={draft.voice}
          options={VOICE_OPTIONS}
          onChange={update('voice')}
          error={errorFor('voice')}
          disabled={saving}
        />
        <SelectField
          label="Language"
          name="language"
          value={draft.language}
          options={LANGUAGE_OPTIONS}
          onChange={update('language')}
          error={errorFor('language')}
          disabled={saving}
        />
      </div>
      <fieldset className="field agent-status" disabled={saving} aria-describedby={`${id}-status-help`}>
        <legend>Status</legend>
        <div className="choice-row">
          {STATUSES.map((status) => (
            <label key={status} className="choice">
              <input
                type="radio"
                name="status"
                value={status}
                checked={draft.status === status}
                onChange={() => update('status')(status)}
              />
              {STATUS_LABEL[status]}
            </label>
          ))}
        </div>
        <p id={`${id}-status-help`} className="field-help">
          Active agents answer calls to their numbers. Make an agent inactive to stop it answering for a while.
        </p>
      </fieldset>
      {draft.status === 'inactive' && (
        <p className="notice notice-warning" role="status">
          {inactiveNote(draft.name.trim() || 'This agent')}
        </p>
      )}
      <TextField
        label="Forwarding number (optional)"
        name="forwardingNumber"
        value={draft.forwardingNumber}
        placeholder="+14155550100"
        help="Where calls go if the agent cannot answer, in international format: + and the country code, then the number."
        onChange={update('forwardingNumber')}
        onBlur={blur('forwardingNumber')}
        error={errorFor('forwardingNumber')}
        disabled={saving}
      />
      {error && <ErrorNotice error={error} onDismiss={dismissError} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save agent'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
