import { useId, type ReactNode } from 'react';
import {
  A2P_CONSOLE_PAGES,
  leadingRegistration,
  twilioErrorPage,
  type A2pStatus,
  type Brand,
  type BusinessProfile,
  type Campaign,
  type Registration,
  type RegistrationIssue,
} from '../../../../shared/domain/a2p';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { useAppStore } from '../../store/store-context';
import { countOf } from '../../lib/format';
import { useClearOfflineReport, useOnline, useTwilioOffline } from '../../lib/connectivity/use-online';
import { A2P_STEPS, capitalized, plainWords, STAGE_TEXT, type A2pStepId } from './a2p-text';
import { useA2p } from './use-a2p';
import './a2p.css';

/** The Messaging Service section's heading, just above this one in Settings. */
const MESSAGING_SERVICE_TITLE_ID = 'messaging-service-title';

/** Where a step stands as far as Gleam knows, before any registration is looked at. */
type StepState<T extends Registration> =
  | { kind: 'not_connected' }
  | { kind: 'not_checked' }
  | { kind: 'service_not_checked' }
  | { kind: 'needs_messaging_service' }
  | { kind: 'not_started' }
  | { kind: 'registered'; registration: T; total: number };

/** `registrations` null: not known (the campaigns of a service set after the last read, or of none). */
function stepState<T extends Registration>(status: A2pStatus | null, registrations: readonly T[] | null): StepState<T> {
  if (status?.account == null) return { kind: 'not_connected' };
  if (status.asOf === null) return { kind: 'not_checked' };
  if (registrations === null) {
    return status.messagingService ? { kind: 'service_not_checked' } : { kind: 'needs_messaging_service' };
  }
  const registration = leadingRegistration(registrations);
  return registration ? { kind: 'registered', registration, total: registrations.length } : { kind: 'not_started' };
}

/** How a status looks: done, waiting on Twilio, a problem, the person's to do, or not known. */
function toneOf(state: StepState<Registration>): 'done' | 'waiting' | 'problem' | 'todo' | 'unknown' {
  switch (state.kind) {
    case 'not_connected':
    case 'not_checked':
    case 'service_not_checked':
      return 'unknown';
    case 'needs_messaging_service':
    case 'not_started':
      return 'todo';
    case 'registered': {
      const { stage } = state.registration;
      if (stage === 'approved') return 'done';
      if (stage === 'in_review') return 'waiting';
      return stage === 'draft' ? 'todo' : 'problem';
    }
  }
}

/**
 * The step's status in a few words, and what to do about it; nothing to do
 * when the section already says it once for every step (connect, refresh).
 */
function stateText(state: StepState<Registration>, step: A2pStepId): { label: string; next: string | null } {
  switch (state.kind) {
    case 'not_connected':
      return { label: 'Unknown', next: null };
    case 'not_checked':
      return { label: 'Not checked yet', next: null };
    case 'service_not_checked':
      return {
        label: 'Not checked yet',
        next: 'Your Messaging Service was set after Gleam last checked. Choose Refresh status to read its campaign.',
      };
    case 'needs_messaging_service':
      return {
        label: 'Needs a Messaging Service',
        next: 'A campaign is registered on a Messaging Service, and none is set in Gleam yet. Create one in the Twilio Console (Messaging → Services), add your numbers to it, then enter its SID in Settings.',
      };
    case 'not_started':
      return { label: 'Not started', next: A2P_STEPS[step].start };
    case 'registered':
      return STAGE_TEXT[state.registration.stage];
  }
}

/** A2P 10DLC in Settings: the three steps explained, and where each stands at Twilio. */
export function A2pSection() {
  const titleId = useId();
  const blockedNoteId = useId();
  const { connected, status, loading, loadError, refreshing, refreshError, refresh, dismissRefreshError } = useA2p();
  const offline = useTwilioOffline();

  const canRefresh = connected && !offline;
  const nothingRegistered =
    status?.asOf != null &&
    status.profiles.length === 0 &&
    status.brands.length === 0 &&
    (status.campaigns ?? []).length === 0;

  return (
    <section className="card a2p" aria-labelledby={titleId}>
      <div className="a2p-header">
        <h2 id={titleId}>A2P 10DLC registration</h2>
        <button
          type="button"
          className="button"
          disabled={!canRefresh || refreshing}
          aria-describedby={canRefresh ? undefined : blockedNoteId}
          onClick={refresh}
        >
          Refresh status
        </button>
      </div>
      <p>
        US carriers deliver business texts sent from local (10-digit) numbers only when the business is registered for
        them. This registration, A2P 10DLC, has three steps in the Twilio Console, each checked before the next can be
        approved. Approval usually takes one to two weeks. Until then, texts to US numbers from your local numbers may
        be blocked; calls are not affected. Toll-free numbers are verified separately.
      </p>

      <AsOf status={status} connected={connected} refreshing={refreshing} />
      <BlockedNote id={blockedNoteId} connected={connected} offline={offline} />
      {loadError && <ErrorNotice error={loadError} />}
      {refreshError && <ErrorNotice error={refreshError} onDismiss={dismissRefreshError} />}
      {status === null && loading && !loadError && <p role="status">Loading…</p>}
      {nothingRegistered && <NothingRegistered />}

      <ol className="a2p-steps" aria-label="Registration steps">
        <Step
          id="profile"
          number={1}
          state={stepState(status, status?.profiles ?? [])}
          details={(profile) => <ProfileDetails profile={profile} />}
        />
        <Step
          id="brand"
          number={2}
          state={stepState(status, status?.brands ?? [])}
          details={(brand) => <BrandDetails brand={brand} />}
          failureReason={(brand) => brand.failureReason}
        />
        <Step
          id="campaign"
          number={3}
          state={stepState(status, status?.campaigns ?? null)}
          details={(campaign) => <CampaignDetails campaign={campaign} />}
        />
      </ol>
    </section>
  );
}

/** When the status shown was read from Twilio, or that a read is under way. */
function AsOf({
  status,
  connected,
  refreshing,
}: {
  status: A2pStatus | null;
  connected: boolean;
  refreshing: boolean;
}) {
  if (refreshing) {
    return (
      <p className="a2p-as-of muted" role="status">
        Checking with Twilio…
      </p>
    );
  }
  if (!connected || status?.account == null) return null;
  return (
    <p className="a2p-as-of muted" role="status">
      {status.asOf ? (
        <>
          Status as of <time dateTime={status.asOf}>{formatDateTime(status.asOf)}</time>
        </>
      ) : (
        'Not checked with Twilio yet. Choose Refresh status to see where each step stands.'
      )}
    </p>
  );
}

/** Why Refresh status is off: no account connected, or Twilio out of reach. */
function BlockedNote({ id, connected, offline }: { id: string; connected: boolean; offline: boolean }) {
  const online = useOnline();
  const clearOfflineReport = useClearOfflineReport();
  if (!connected) {
    return (
      <p id={id} className="notice notice-info">
        Connect your Twilio account above to see where your registration stands.
      </p>
    );
  }
  if (!offline) return null;
  return (
    <div id={id} className="notice notice-warning" role="status">
      <p>
        <strong>Offline.</strong> This is the status saved on this computer. Refresh status needs a connection to
        Twilio, so it is off until you are back online.{' '}
        {online && (
          // The system says it is online but Twilio was unreachable: the person decides when to try again.
          <button type="button" className="link-button" onClick={clearOfflineReport}>
            Try Twilio again
          </button>
        )}
      </p>
    </div>
  );
}

function NothingRegistered() {
  return (
    <div className="notice notice-info a2p-nothing">
      <p>
        <strong>Nothing is registered yet.</strong> If you will text people in the US from local numbers, start with
        your business profile; the Twilio Console takes you through all three steps in order.
      </p>
      <a href={A2P_CONSOLE_PAGES.onboarding} target="_blank" rel="noreferrer">
        Start A2P 10DLC registration in the Twilio Console
      </a>
    </div>
  );
}

function Step<T extends Registration>({
  id,
  number,
  state,
  details,
  failureReason,
}: {
  id: A2pStepId;
  number: number;
  state: StepState<T>;
  /** The step's own details of the registration it goes by. */
  details: (registration: T) => ReactNode;
  /** Twilio's one-line reason for a refusal, where the step has one besides the issues. */
  failureReason?: (registration: T) => string | null;
}) {
  const titleId = useId();
  const statusId = useId();
  const navigate = useAppStore((store) => store.navigate);
  const text = A2P_STEPS[id];
  const { label, next } = stateText(state, id);

  const goToMessagingService = () => {
    navigate('settings');
    // This section sits below the Messaging Service one in Settings: take the person to its field.
    document.getElementById(MESSAGING_SERVICE_TITLE_ID)?.closest('section')?.querySelector('input')?.focus();
  };

  return (
    <li className="a2p-step" aria-labelledby={`${titleId} ${statusId}`}>
      <div className="a2p-step-heading">
        <h3 id={titleId}>
          {number}. {text.title}
        </h3>
        <span id={statusId} className={`pill a2p-pill a2p-pill-${toneOf(state)}`}>
          {label}
        </span>
      </div>
      <p className="muted">{text.explanation}</p>
      {state.kind === 'registered' && (
        <div className="a2p-registration">
          {details(state.registration)}
          <RegistrationFacts registration={state.registration} total={state.total} noun={text.noun} />
          {(state.registration.stage === 'failed' || state.registration.stage === 'suspended') && (
            <Issues issues={state.registration.issues} failureReason={failureReason?.(state.registration) ?? null} />
          )}
        </div>
      )}
      {next && <p className="a2p-next">{next}</p>}
      <p className="a2p-links">
        {state.kind === 'needs_messaging_service' && (
          <button type="button" className="link-button" onClick={goToMessagingService}>
            Set a Messaging Service in Settings
          </button>
        )}
        <a href={text.console.href} target="_blank" rel="noreferrer">
          {text.console.label}
        </a>
      </p>
    </li>
  );
}

function ProfileDetails({ profile }: { profile: BusinessProfile }) {
  return (
    <p>
      <strong>{profile.friendlyName || 'Unnamed profile'}</strong>
      {profile.stage === 'approved' && profile.validUntil && <> · valid until {formatDate(profile.validUntil)}</>}
    </p>
  );
}

function BrandDetails({ brand }: { brand: Brand }) {
  return (
    <p>
      <strong>{brand.brandType ? `${capitalized(plainWords(brand.brandType))} brand` : 'Brand'}</strong>
      {brand.identityStatus && <> · identity {plainWords(brand.identityStatus)}</>}
    </p>
  );
}

function CampaignDetails({ campaign }: { campaign: Campaign }) {
  return (
    <p>
      <strong>{campaign.useCase ? `For ${plainWords(campaign.useCase)}` : 'Campaign'}</strong>
    </p>
  );
}

/** Twilio's own status word and date, for comparing with the Console, and how many there are. */
function RegistrationFacts({ registration, total, noun }: { registration: Registration; total: number; noun: string }) {
  return (
    <p className="muted a2p-facts">
      Twilio status: {registration.twilioStatus}
      {registration.updatedAt && <> · last changed {formatDate(registration.updatedAt)}</>}
      {total > 1 && <> · your account has {countOf(total, noun)}; this is the one furthest along</>}
    </p>
  );
}

/** Twilio's words when it gave any, else its code. */
function issueText(issue: RegistrationIssue): string {
  if (issue.description !== null) return issue.description;
  return issue.code === null ? 'Twilio gave no details.' : `Twilio reported error ${issue.code}.`;
}

/** What Twilio found wrong, each with Twilio's page about it when it gave a code. */
function Issues({ issues, failureReason }: { issues: readonly RegistrationIssue[]; failureReason: string | null }) {
  const described = new Set(issues.map((issue) => issue.description));
  const reasons: RegistrationIssue[] = [
    // Twilio's one-line reason, unless an issue already says the same.
    ...(failureReason && !described.has(failureReason) ? [{ code: null, description: failureReason, fields: [] }] : []),
    ...issues,
  ];
  if (reasons.length === 0) return <p>Twilio did not say why. The Twilio Console may show more.</p>;
  return (
    <div className="a2p-issues">
      <p>What Twilio found:</p>
      <ul>
        {reasons.map((issue, index) => (
          // Twilio may repeat a code or a description, so only the position tells two apart.
          <li key={index}>
            {issueText(issue)}
            {issue.fields.length > 0 && <> To correct: {issue.fields.map(plainWords).join(', ')}.</>}
            {issue.code !== null && (
              <>
                {' '}
                <a href={twilioErrorPage(issue.code)} target="_blank" rel="noreferrer">
                  About error {issue.code}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
