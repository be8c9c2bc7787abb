/**
 * "Why isn't my number working?": runs every check on one number and makes
 * the fixes Gleam can make, using the app's own services rather than copies
 * of their logic (connection verify, drift from webhooks.ts, the assignment
 * repair, the agents service, the stored balance).
 *
 * Policy:
 * - Twilio is asked once per kind of fact, and only after it accepted the
 *   credentials: when it cannot be asked (offline, not connected, refused,
 *   account not active), every check that needs it says why instead of
 *   failing; checks the local copy answers still answer.
 * - Checking changes nothing, except that Twilio's current copy of the number
 *   replaces the local one (as a sync would), so the Phone Numbers list shows
 *   the same drift the doctor found.
 * - Every fix is followed by a fresh check, so the person sees its effect.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { draftOf } from '../../../shared/domain/agents';
import type { UsSmsRegistration } from '../../../shared/domain/a2p';
import type { DoctorFix, DoctorFixError, DoctorFixResult, DoctorReport } from '../../../shared/domain/doctor';
import { AppError, errorLine, reasonError, type ErrorCode } from '../../../shared/errors';
import { getConnectedAccount, type AccountRow } from '../db/accounts-repo';
import { getAgent } from '../db/agents-repo';
import { getAssignment } from '../db/assignments-repo';
import { storedBalance } from '../db/costs-repo';
import { fingerprintOf, getOwnedNumber, saveNumbers, type NumberRecord } from '../db/numbers-repo';
import type { TwilioAccountApi } from '../twilio/gateway';
import type { TwilioNumber } from '../domain/twilio-number';
import type { AgentsService } from './agents-service';
import type { AssignmentsService } from './assignments-service';
import type { ConnectionService } from './connection-service';
import type { Logger } from '../infrastructure/logger';
import {
  accountActiveCheck,
  agentActiveCheck,
  balanceCheck,
  credentialsCheck,
  messagingServiceCheck,
  noOverrideCheck,
  notAsked,
  numberAssignedCheck,
  numberOwnedCheck,
  trialLimitsCheck,
  usSmsRegistrationCheck,
  webhooksMatchCheck,
  type AccessProblem,
  type Answer,
  type AssignedAgent,
  type ServiceOfNumber,
  type TwilioAccess,
  type Unanswered,
} from './doctor-checks';
import { liveRecordOf, toOwnedNumber } from './owned-numbers';
import { countryOfNumber, type PriceBook } from './price-book';
import { agentConfiguration } from './webhooks';
import type { Clock } from '../infrastructure/clock';
import type { EmitEvent } from '../infrastructure/events';
import { errorDataOf } from '../infrastructure/error-message';
import type { ChannelHandlers } from '../ipc/registrar';

export interface DoctorServiceDeps {
  db: Database;
  connection: ConnectionService;
  agents: AgentsService;
  assignments: AssignmentsService;
  prices: PriceBook;
  webhookBaseUrl: () => string;
  emit: EmitEvent;
  clock: Clock;
  logger: Logger;
  /** The A2P 10DLC feature's answer for the account, from its local copy. */
  usSmsRegistration: (accountSid: string) => UsSmsRegistration;
}

export interface DoctorService {
  check(numberSid: string): Promise<DoctorReport>;
  /** Makes the fix, then checks again; `fixError` is why the fix did not work, if it did not. */
  fix(numberSid: string, fix: DoctorFix): Promise<DoctorFixResult>;
}

/**
 * Messaging Services looked through for the number. A small business has one
 * or two; each one costs a request, so the search stops somewhere.
 */
export const MAX_SERVICES_SEARCHED = 20;

const codeOf = (error: unknown): ErrorCode | null => (error instanceof AppError ? error.code : null);

/** A failed read, as the reason its check was not answered. */
const unanswered = (error: unknown): Unanswered =>
  codeOf(error) === 'offline' ? { reason: 'offline' } : { reason: 'twilio-error', error: errorDataOf(error) };

/** Twilio's API for the number's account, once the credentials check found it usable. */
type Reached =
  { access: Extract<TwilioAccess, { kind: 'ready' }>; api: TwilioAccountApi } | { access: AccessProblem; api: null };

export function createDoctorService(deps: DoctorServiceDeps): DoctorService {
  const { db, connection, agents, assignments, prices, webhookBaseUrl, emit, clock, logger } = deps;

  /** The credentials check: verifies them live, which also refreshes the account's status and type. */
  async function reachTwilio(number: NumberRecord): Promise<Reached> {
    let api: TwilioAccountApi;
    try {
      const connected = await connection.connected();
      if (connected.row.sid !== number.accountSid) return { access: { kind: 'other-account' }, api: null };
      api = connected.api;
    } catch (error) {
      if (codeOf(error) === 'not_connected') return { access: { kind: 'not-connected' }, api: null };
      throw error;
    }
    try {
      const status = await connection.verify();
      const account = getConnectedAccount(db);
      if (status.state !== 'connected' || !account) return { access: { kind: 'not-connected' }, api: null };
      if (account.status !== 'active') return { access: { kind: 'inactive', account }, api: null };
      return { access: { kind: 'ready', account, isSubaccount: status.account.isSubaccount }, api };
    } catch (error) {
      const code = codeOf(error);
      if (code === 'invalid_credentials' || code === 'test_credentials') {
        return { access: { kind: 'refused' }, api: null };
      }
      if (code === 'account_inactive') return { access: { kind: 'inactive', account: null }, api: null };
      return { access: { kind: 'unreachable', why: unanswered(error) }, api: null };
    }
  }

  /** Asks Twilio, or says why it was not asked. */
  async function ask<T>(reached: Reached, work: (api: TwilioAccountApi) => Promise<T>): Promise<Answer<T>> {
    if (reached.api === null) return { known: false, why: notAsked(reached.access) };
    try {
      return { known: true, value: await work(reached.api) };
    } catch (error) {
      return { known: false, why: unanswered(error) };
    }
  }

  /** The connected service first: it is the likeliest, and the one Gleam adds numbers to. */
  async function serviceOfNumber(
    api: TwilioAccountApi,
    numberSid: string,
    connectedServiceSid: string | null,
  ): Promise<ServiceOfNumber> {
    const listed = await api.listMessagingServices(MAX_SERVICES_SEARCHED + 1);
    const searched = listed
      .slice(0, MAX_SERVICES_SEARCHED)
      .sort((a, b) => Number(b.sid === connectedServiceSid) - Number(a.sid === connectedServiceSid));
    for (const service of searched) {
      if (await api.isNumberInService(service.sid, numberSid)) return service;
    }
    return listed.length > MAX_SERVICES_SEARCHED ? 'too-many' : null;
  }

  /** Keeps the local copy as Twilio has the number now, and tells the screens when that changed anything. */
  function keepLiveCopy(number: NumberRecord, live: TwilioNumber) {
    const record = liveRecordOf(number, live, clock().toISOString());
    if (fingerprintOf(record) === fingerprintOf(number)) return;
    saveNumbers(db, [record]);
    emit('numbers:changed', {});
  }

  function assignedAgentOf(numberSid: string): AssignedAgent | null {
    const assignment = getAssignment(db, numberSid);
    const agent = assignment && getAgent(db, assignment.agentId);
    return assignment && agent ? { assignment, agent } : null;
  }

  async function check(numberSid: string): Promise<DoctorReport> {
    const number = getOwnedNumber(db, numberSid);
    if (!number) throw reasonError('number_not_listed');
    const reached = await reachTwilio(number);
    const { access } = reached;
    const account: AccountRow | null = access.kind === 'ready' ? access.account : null;
    const connectedAccount = getConnectedAccount(db);
    const lastKnown = connectedAccount?.sid === number.accountSid ? connectedAccount : null;
    const canText = number.capabilities.sms || number.capabilities.mms;
    const isSubaccount = access.kind === 'ready' && access.isSubaccount;

    const [live, service, balance] = await Promise.all([
      ask(reached, (api) => api.fetchOwnedNumber(number.sid)),
      canText
        ? ask(reached, (api) => serviceOfNumber(api, number.sid, account?.messagingServiceSid ?? null))
        : Promise.resolve<Answer<ServiceOfNumber>>({ known: true, value: null }),
      isSubaccount ? Promise.resolve('subaccount' as const) : ask(reached, (api) => api.balance()),
    ]);
    if (live.known && live.value) keepLiveCopy(number, live.value);

    const assigned = assignedAgentOf(number.sid);
    const expected = assigned ? agentConfiguration(webhookBaseUrl(), assigned.agent.id) : null;
    const configuration: Answer<TwilioNumber['configuration'] | null> = live.known
      ? { known: true, value: live.value?.configuration ?? null }
      : live;
    const monthlyPrice = toOwnedNumber(number, prices).monthlyPrice;
    const isUsNumber = (number.isoCountry ?? countryOfNumber(number.phoneNumber)) === 'US';

    const checks = [
      credentialsCheck(access),
      accountActiveCheck(access, lastKnown),
      trialLimitsCheck(access, lastKnown),
      numberOwnedCheck(live, number.syncedAt),
      numberAssignedCheck(assigned, access),
      agentActiveCheck(assigned),
      webhooksMatchCheck(configuration, assigned, expected, access),
      noOverrideCheck(configuration, number.sid, assigned, access),
      messagingServiceCheck(canText, service, account?.messagingServiceSid ?? null, assigned, access),
      balanceCheck(balance, storedBalance(db, number.accountSid), monthlyPrice),
      usSmsRegistrationCheck({ canText, isUsNumber }, deps.usSmsRegistration(number.accountSid)),
    ];
    return {
      numberSid: number.sid,
      phoneNumber: number.phoneNumber,
      checkedAt: clock().toISOString(),
      offline: checks.some((entry) => entry.offline),
      checks,
    };
  }

  /** Makes one fix; answers why it did not work, or null. */
  async function applyFix(numberSid: string, fix: DoctorFix): Promise<DoctorFixError | null> {
    switch (fix) {
      case 'activate-agent': {
        const assigned = assignedAgentOf(numberSid);
        if (!assigned) return { reason: 'no-agent' };
        agents.save({ id: assigned.agent.id, agent: { ...draftOf(assigned.agent), status: 'active' } });
        return null;
      }
      case 'repair-webhooks': {
        const { outcomes } = await assignments.run({ jobId: randomUUID(), action: 'repair', numberSids: [numberSid] });
        const notDone = outcomes.find((outcome) => outcome.outcome !== 'done');
        if (!notDone) return null;
        return notDone.error ?? { reason: 'repair-stopped' };
      }
      case 'use-number-sms-webhook': {
        const { row, api } = await connection.connected();
        if (!row.messagingServiceSid) return { reason: 'no-messaging-service' };
        await api.useNumbersOwnSmsWebhooks(row.messagingServiceSid);
        return null;
      }
    }
  }

  return {
    check,

    async fix(numberSid, fix) {
      if (!getOwnedNumber(db, numberSid)) {
        throw reasonError('number_not_listed');
      }
      let fixError: DoctorFixError | null;
      try {
        fixError = await applyFix(numberSid, fix);
      } catch (error) {
        fixError = { reason: 'failed', error: errorDataOf(error) };
      }
      if (fixError !== null) {
        const error = fixError.reason === 'failed' ? errorLine(fixError.error) : fixError.reason;
        logger.warn('number doctor fix failed', { fix, number: numberSid, error });
      } else logger.info('number doctor fix made', { fix, number: numberSid });
      return { report: await check(numberSid), fixError };
    },
  };
}

export function doctorHandlers(doctor: DoctorService): ChannelHandlers<'doctor'> {
  return {
    'doctor:check': ({ numberSid }) => doctor.check(numberSid),
    'doctor:fix': ({ numberSid, fix }) => doctor.fix(numberSid, fix),
  };
}
