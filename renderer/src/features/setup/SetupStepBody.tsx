import { useState } from 'react';
import type { Agent } from '../../../../shared/domain/agents';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { SETUP_STEP_IDS, type SetupStepId } from '../../../../shared/domain/setup';
import { SelectField } from '../../components/SelectField';
import { useAgentList, useConnectedStatus, useNumberList } from '../../lib/query/reads';
import { useAppStore } from '../../store/store-context';
import { A2pSection } from '../a2p/A2pSection';
import { AgentForm } from '../agents/AgentEditor';
import { AssignmentBadge } from '../assignments/AssignmentBadge';
import { AssignmentJobStatus } from '../assignments/AssignmentJobStatus';
import { useAssignmentActions } from '../assignments/use-assignment-actions';
import { BuyNumberPanel } from '../numbers/BuyNumberPanel';
import { formatPhoneNumber } from '../../lib/format';
import { NumbersActions } from '../numbers/NumbersActions';
import { SyncStatus } from '../numbers/SyncStatus';
import { ActionsBlockedNote } from '../../components/ActionsBlockedNote';
import { useTwilioActions } from '../../lib/twilio-actions';
import { ConnectedAccount } from '../settings/ConnectedAccount';
import { CredentialsForm } from '../settings/CredentialsForm';
import { MessagingServiceSection } from '../settings/MessagingServiceSection';
import { SETUP_STEP_TEXT } from './setup-text';
import { useSetupSteps } from './use-setup';

/** One step of the setup guide, built from the components the rest of the app uses for the same job. */
export function SetupStepBody({ step }: { step: SetupStepId }) {
  switch (step) {
    case 'connect':
      return <ConnectStep />;
    case 'number':
      return <NumberStep />;
    case 'agent':
      return <AgentStep />;
    case 'assign':
      return <AssignStep />;
    case 'messaging':
      return <MessagingStep />;
  }
}

/** Shown instead of a step that cannot start yet, with the way to the step it waits for. */
function WaitsFor({ step, why }: { step: SetupStepId; why: string }) {
  const { goToStep } = useSetupSteps();
  return (
    <p className="notice notice-info" role="status">
      {why}{' '}
      <button type="button" className="link-button" onClick={() => void goToStep(step)}>
        Go to step {SETUP_STEP_IDS.indexOf(step) + 1}: {SETUP_STEP_TEXT[step].title}
      </button>
    </p>
  );
}

function useConnected() {
  return useConnectedStatus();
}

function ConnectStep() {
  const connected = useConnected();
  if (connected) return <ConnectedAccount status={connected} />;
  return (
    <>
      <p>
        Gleam works with your own Twilio account, so your numbers and your bill stay yours. Sign in to the{' '}
        <a href="https://console.twilio.com/" target="_blank" rel="noreferrer">
          Twilio Console
        </a>
        : the dashboard shows your <strong>Account SID</strong> and, behind the eye icon, your{' '}
        <strong>Auth Token</strong>. Copy both here. Keep the token to yourself — anyone who has it can use your
        account.
      </p>
      <p className="muted">
        New to Twilio? Sign up at{' '}
        <a href="https://www.twilio.com/try-twilio" target="_blank" rel="noreferrer">
          twilio.com
        </a>
        , verify a phone number or complete your business profile, and add a payment method before going live.
      </p>
      <CredentialsForm />
    </>
  );
}

function NumberStep() {
  const connected = useConnected();
  const { data: list } = useNumberList();
  const actions = useTwilioActions();
  const [buying, setBuying] = useState(false);

  if (!connected) return <WaitsFor step="connect" why="Connect Twilio first: numbers are bought in your account." />;
  const owned = list?.numbers ?? [];

  return (
    <>
      <p>
        Numbers your Twilio account already owns — bought here or in the Twilio Console — come into Gleam by themselves.
        If you have none yet, buy one: you see its monthly price and confirm before anything is bought, and Twilio bills
        it to your account.
      </p>
      <ActionsBlockedNote actions={actions} />
      {owned.length > 0 ? (
        <OwnedNumbersSummary numbers={owned} />
      ) : (
        <p data-testid="setup-no-numbers">{list ? 'Your Twilio account has no phone numbers yet.' : 'Loading…'}</p>
      )}
      <SyncStatus />
      <NumbersActions actions={actions} onBuy={() => setBuying(true)} buyOpen={buying} />
      {buying && <BuyNumberPanel actions={actions} onClose={() => setBuying(false)} />}
    </>
  );
}

const SHOWN_NUMBERS = 5;

function OwnedNumbersSummary({ numbers }: { numbers: readonly OwnedNumber[] }) {
  const rest = numbers.length - SHOWN_NUMBERS;
  return (
    <div data-testid="setup-owned-numbers">
      <p>
        Your account has {numbers.length === 1 ? 'one number' : `${numbers.length.toLocaleString()} numbers`} in Gleam:
      </p>
      <ul className="setup-list">
        {numbers.slice(0, SHOWN_NUMBERS).map((number) => (
          <li key={number.sid}>
            <strong>{formatPhoneNumber(number.phoneNumber)}</strong>
            {/* Twilio names a number after itself until someone renames it. */}
            {![number.phoneNumber, formatPhoneNumber(number.phoneNumber)].includes(number.friendlyName) && (
              <span className="muted"> — {number.friendlyName}</span>
            )}
            {number.assignment && <AssignmentBadge assignment={number.assignment} />}
          </li>
        ))}
      </ul>
      {rest > 0 && <p className="muted">and {rest.toLocaleString()} more on the Phone Numbers screen.</p>}
    </div>
  );
}

function AgentStep() {
  const { data: agents } = useAgentList();
  const [creating, setCreating] = useState(false);
  if (agents === undefined) return <p role="status">Loading your agents…</p>;

  if (agents.length === 0 || creating) {
    return (
      <>
        <p>
          An agent is who answers your number: give it a name, the greeting callers hear first, and what it should know
          — your hours, services and prices. Agents are kept in Gleam, so this works offline too.
        </p>
        <AgentForm
          agent={null}
          onSaved={() => setCreating(false)}
          {...(agents.length > 0 ? { onCancel: () => setCreating(false) } : {})}
        />
      </>
    );
  }
  return (
    <>
      <ul className="setup-list" data-testid="setup-agents">
        {agents.map((agent) => (
          <li key={agent.id}>
            <strong>{agent.name}</strong> <span className="muted">— {agentState(agent)}</span>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setCreating(true)}>
          Create another agent
        </button>
      </div>
    </>
  );
}

function agentState(agent: Agent): string {
  const status = agent.status === 'active' ? 'Active' : 'Inactive: it does not answer calls';
  if (agent.numberCount === 0) return `${status}, no number yet`;
  return `${status}, ${agent.numberCount === 1 ? 'one number' : `${agent.numberCount} numbers`}`;
}

function AssignStep() {
  const connected = useConnected();
  const owned = useNumberList().data?.numbers ?? null;
  const agents = useAgentList().data ?? null;
  const openAssignmentDialog = useAppStore((state) => state.openAssignmentDialog);
  const actions = useAssignmentActions();
  const [chosenAgentId, setChosenAgentId] = useState<string | null>(null);

  if (!connected) return <WaitsFor step="connect" why="Connect Twilio first: assigning a number sets it up there." />;
  if (owned === null || agents === null) return <p role="status">Loading…</p>;
  if (owned.length === 0) return <WaitsFor step="number" why="There is no phone number to assign yet." />;
  if (agents.length === 0) return <WaitsFor step="agent" why="There is no agent to give the number to yet." />;

  const agent = agents.find((candidate) => candidate.id === chosenAgentId) ?? agents[0];
  if (!agent) return null;
  const assigned = owned.filter((number) => number.assignment !== null);

  return (
    <>
      <p>
        Choose which number the agent answers. Gleam then sets that number up on Twilio for you — the addresses Twilio
        calls when the phone rings or a text arrives — and keeps what the number had before, so unassigning puts it
        back. There is nothing to type.
      </p>
      <ActionsBlockedNote actions={actions} />
      <AssignmentJobStatus />
      {assigned.length > 0 && (
        <ul className="setup-list" data-testid="setup-assigned">
          {assigned.map((number) => (
            <li key={number.sid}>
              <strong>{formatPhoneNumber(number.phoneNumber)}</strong>
              {number.assignment && (
                <>
                  {' '}
                  → {number.assignment.agentName} <AssignmentBadge assignment={number.assignment} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions setup-assign-actions">
        {agents.length > 1 && (
          <SelectField
            label="Agent"
            name="setupAgent"
            value={agent.id}
            options={agents.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            onChange={setChosenAgentId}
          />
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={actions.blocked}
          aria-describedby={actions.describedBy}
          onClick={() => openAssignmentDialog({ kind: 'assign-numbers', agentId: agent.id })}
        >
          Choose a number for {agent.name}…
        </button>
      </div>
    </>
  );
}

function MessagingStep() {
  const connected = useConnected();
  return (
    <>
      <p>
        Only needed for texting: a Twilio Messaging Service groups your numbers to send texts in volume, and texts to US
        numbers also need the A2P 10DLC registration below. Calls work without either, so you can come back to this
        later.
      </p>
      {connected ? (
        <MessagingServiceSection service={connected.messagingService} />
      ) : (
        <WaitsFor step="connect" why="Connect Twilio first to choose a Messaging Service." />
      )}
      <A2pSection />
    </>
  );
}
