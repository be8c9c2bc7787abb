import { useId, useMemo, useRef, useState } from 'react';
import type { Agent } from '../../../../shared/domain/agents';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { useAppStore } from '../../store/store-context';
import { useRunAssignments } from './use-assignment-job';
import { countOf } from '../../lib/format';
import { AssignmentPreview } from './AssignmentPreview';
import { NumberPicker } from './NumberPicker';
import type { AssignmentActions } from './use-assignment-actions';

/** From an agent: choose its numbers. From the Phone Numbers screen: choose the agent for the ticked numbers. */
export type AssignDialogMode =
  | { kind: 'pick-numbers'; agent: Agent; owned: readonly OwnedNumber[] }
  | { kind: 'pick-agent'; chosen: readonly OwnedNumber[]; agents: readonly Agent[] };

interface AssignDialogProps {
  mode: AssignDialogMode;
  actions: AssignmentActions;
  fallbackFocus: () => HTMLElement | null;
}

/**
 * Assigning is two steps: choose (numbers or agent), then a preview of what
 * will change on each number. Only "Assign" in the preview sends anything,
 * as one job with its own progress.
 */
export function AssignDialog({ mode, actions, fallbackFocus }: AssignDialogProps) {
  const id = useId();
  const closeDialog = useAppStore((state) => state.closeDialog);
  const close = () => closeDialog('assignmentDialog');
  const runAssignments = useRunAssignments();
  const [step, setStep] = useState<'choose' | 'preview'>('choose');
  const [pickedSids, setPickedSids] = useState<Set<string>>(() => new Set());
  const [agentId, setAgentId] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const stepRef = useRef<HTMLHeadingElement>(null);

  const agent = mode.kind === 'pick-numbers' ? mode.agent : (mode.agents.find((known) => known.id === agentId) ?? null);
  const candidates = useMemo(
    () =>
      mode.kind === 'pick-numbers' ? mode.owned.filter((number) => number.assignment?.agentId !== mode.agent.id) : [],
    [mode],
  );
  const chosen = useMemo(
    () => (mode.kind === 'pick-numbers' ? candidates.filter((number) => pickedSids.has(number.sid)) : mode.chosen),
    [mode, candidates, pickedSids],
  );
  const toChange = useMemo(
    () => (agent ? chosen.filter((number) => number.assignment?.agentId !== agent.id) : []),
    [agent, chosen],
  );

  const title =
    mode.kind === 'pick-numbers'
      ? `Assign numbers to ${mode.agent.name}`
      : `Assign ${countOf(mode.chosen.length, 'number')} to an agent`;
  const nothingToDoId = `${id}-nothing`;
  const nothingToDo = agent !== null && chosen.length > 0 && toChange.length === 0;

  const goTo = (next: 'choose' | 'preview') => {
    setStep(next);
    // The button that was pressed is gone; the step's heading says where the person is now.
    requestAnimationFrame(() => stepRef.current?.focus());
  };

  const confirm = () => {
    if (!agent || toChange.length === 0) return;
    runAssignments({
      kind: 'run',
      action: 'assign',
      agentId: agent.id,
      agentName: agent.name,
      numberSids: toChange.map((number) => number.sid),
    });
  };

  const actionButtons =
    step === 'choose' ? (
      <>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!agent || toChange.length === 0}
          aria-describedby={nothingToDo ? nothingToDoId : undefined}
          onClick={() => goTo('preview')}
        >
          Review changes
        </button>
      </>
    ) : (
      <>
        <button type="button" className="button" onClick={() => goTo('choose')}>
          Back
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={actions.blocked}
          aria-describedby={actions.describedBy}
          onClick={confirm}
        >
          Assign {countOf(toChange.length, 'number')}
        </button>
      </>
    );

  return (
    <Dialog
      title={title}
      onCancel={close}
      actions={actionButtons}
      fallbackFocus={fallbackFocus}
      initialFocus={mode.kind === 'pick-numbers' ? searchRef : undefined}
      wide
    >
      <h3 ref={stepRef} tabIndex={-1} className="dialog-step">
        {step === 'choose'
          ? `Step 1 of 2: choose ${mode.kind === 'pick-numbers' ? 'the numbers' : 'the agent'}`
          : 'Step 2 of 2: check what will change'}
      </h3>
      {step === 'choose' && mode.kind === 'pick-numbers' && (
        <NumberPicker
          candidates={candidates}
          selected={pickedSids}
          onChange={setPickedSids}
          agentId={mode.agent.id}
          searchRef={searchRef}
        />
      )}
      {step === 'choose' && mode.kind === 'pick-agent' && (
        <AgentChoice agents={mode.agents} agentId={agentId} onChange={setAgentId} />
      )}
      {step === 'choose' && nothingToDo && (
        <p id={nothingToDoId} className="notice notice-info">
          {chosen.length === 1 ? 'This number is' : 'These numbers are'} already assigned to {agent.name}.
        </p>
      )}
      {step === 'preview' && agent && (
        <AssignmentPreview agent={agent} numbers={toChange} unchanged={chosen.length - toChange.length} />
      )}
      {step === 'preview' && actions.offline && (
        <p className="notice notice-warning">Offline — assigning needs a connection to Twilio.</p>
      )}
    </Dialog>
  );
}

function AgentChoice({
  agents,
  agentId,
  onChange,
}: {
  agents: readonly Agent[];
  agentId: string;
  onChange: (agentId: string) => void;
}) {
  const closeDialog = useAppStore((state) => state.closeDialog);
  const close = () => closeDialog('assignmentDialog');
  const showAgents = useAppStore((state) => state.showAgents);
  const navigate = useAppStore((state) => state.navigate);
  const options = useMemo(
    () =>
      [...agents]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((agent) => ({
          value: agent.id,
          label: agent.status === 'inactive' ? `${agent.name} (inactive)` : agent.name,
        })),
    [agents],
  );

  if (agents.length === 0) {
    return (
      <div className="notice notice-info">
        <p>You have no agents yet. Create one first, then come back to give it these numbers.</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            close();
            showAgents({ kind: 'edit', agentId: null });
            navigate('agents');
          }}
        >
          Create an agent
        </button>
      </div>
    );
  }
  return (
    <SelectField
      label="Agent"
      name="agent"
      value={agentId}
      options={options}
      placeholder="Choose an agent"
      onChange={onChange}
      help="Its calls and texts will be answered by this agent."
    />
  );
}
