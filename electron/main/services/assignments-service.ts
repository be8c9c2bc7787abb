/**
 * Assigning numbers to agents: each number's Twilio configuration is pointed
 * at the agent (webhooks.ts), after what it had before is saved; unassigning
 * puts that back. Repair applies the agent's configuration again after a
 * change made outside Gleam (drift); adopt forgets the assignment and leaves
 * Twilio as it is.
 *
 * Every run is a job over many numbers: a small pool of requests shared by
 * all jobs (Twilio limits concurrent requests per account), rate-limited
 * numbers retried after a pause (a 429 is never processed, so it is safe),
 * progress after each number, cancellable between numbers. The assignment row
 * is written before Twilio is changed and says `assigning`/`unassigning` with
 * the error until the work succeeds, so a number is never half-configured
 * without the screens showing it.
 */
import type { Database } from 'better-sqlite3';
import { inWriteTransaction } from '../db/database';
import type {
  AssignmentAction,
  AssignmentFailure,
  AssignmentNote,
  AssignmentOutcome,
  AssignmentResult,
  MessagingMembership,
} from '../../../shared/domain/agents';
import { AppError, reasonError, type AppErrorData } from '../../../shared/errors';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import type { AccountRow } from '../db/accounts-repo';
import { getAgent } from '../db/agents-repo';
import {
  beginAssignment,
  deleteAssignment,
  getAssignment,
  markInterruptedChanges,
  setAssignmentStatus,
  setMessagingMembership,
  type AssignmentRecord,
} from '../db/assignments-repo';
import { getOwnedNumber, markReleased, saveNumbers, type NumberRecord } from '../db/numbers-repo';
import { noteServiceMember } from '../db/service-numbers-repo';
import type { TwilioAccountApi } from '../twilio/gateway';
import type { TwilioNumber } from '../domain/twilio-number';
import type { ConnectionService } from './connection-service';
import type { Logger } from '../infrastructure/logger';
import { liveRecordOf } from './owned-numbers';
import { agentConfiguration, restoringConfiguration } from './webhooks';
import type { Clock } from '../infrastructure/clock';
import type { EmitEvent } from '../infrastructure/events';
import { errorDataOf, messageOf } from '../infrastructure/error-message';
import type { NumbersService } from './numbers-service';
import type { ChannelHandlers } from '../ipc/registrar';

export interface AssignmentsServiceDeps {
  db: Database;
  connection: ConnectionService;
  emit: EmitEvent;
  logger: Logger;
  clock: Clock;
  webhookBaseUrl: () => string;
  /** Syncs the local copy of the numbers before a large first-time assignment. */
  numbers: NumbersService;
  /** Requests in flight at once, across all jobs. */
  concurrency?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface AssignmentsService {
  run(input: ChannelParsedInput<'assignments:run'>): Promise<AssignmentResult>;
  cancel(jobId: string): boolean;
  /** Cancels every running job (the app is closing): numbers being changed finish, no new ones start. */
  cancelAll(): void;
}

/** A small fixed pool: Twilio's limit is per-account concurrency, and bulk work must leave room for the rest. */
export const DEFAULT_CONCURRENCY = 4;
const RATE_LIMIT_ATTEMPTS = 5;
/**
 * Above this many first-time assignments, one listing of the account (1,000
 * numbers a request) replaces a read per number to learn what each had.
 */
const FRESH_LISTING_THRESHOLD = 10;
const RATE_LIMIT_PAUSE_MS = 1_000;

/** Runs at most `size` tasks at a time, in the order they were queued. */
function createPool(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

interface JobContext {
  account: AccountRow;
  api: TwilioAccountApi;
  signal: AbortSignal;
  /** Set once per job, before the first number joins the Messaging Service. */
  serviceReady: Promise<void> | null;
  /** The local copy was synced from Twilio as this job started, so it is what the numbers have now. */
  freshlyListed: boolean;
}

/** A change that failed with this error, as its number keeps it and its job reports it. */
const failed = (error: unknown) => ({ reason: 'failed', error: errorDataOf(error) }) as const;

export function createAssignmentsService(deps: AssignmentsServiceDeps): AssignmentsService {
  const { db, connection, emit, logger, webhookBaseUrl } = deps;
  // Only one app process uses the database (single instance), so a change under way now is a dead process's.
  const interrupted = markInterruptedChanges(db, { at: deps.clock().toISOString() });
  if (interrupted > 0) logger.warn('assignment changes interrupted by a previous exit', { count: interrupted });
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pool = createPool(deps.concurrency ?? DEFAULT_CONCURRENCY);
  const jobs = new Map<string, AbortController>();
  /** Numbers some job is changing now: a second job must not interleave with it. */
  const busy = new Set<string>();
  const now = () => deps.clock().toISOString();

  function ownedNumber(context: JobContext, sid: string): NumberRecord {
    const number = getOwnedNumber(db, sid);
    if (!number || number.accountSid !== context.account.sid) {
      throw reasonError('number_left_account');
    }
    return number;
  }

  function store(number: NumberRecord, updated: TwilioNumber) {
    saveNumbers(db, [liveRecordOf(number, updated, now())]);
  }

  /** The service must send each number's texts to that number's own webhook, or the agent never sees them. */
  async function joinMessagingService(
    context: JobContext,
    number: NumberRecord,
    existing: AssignmentRecord | null,
  ): Promise<AssignmentNote | null> {
    const serviceSid = context.account.messagingServiceSid;
    if (!serviceSid || !(number.capabilities.sms || number.capabilities.mms)) return null;
    const joined = existing?.messagingServiceSid === serviceSid;
    if (joined && (existing.messaging === 'added' || existing.messaging === 'member')) return null;

    let state: MessagingMembership;
    let error: AppErrorData | null = null;
    try {
      context.serviceReady ??= context.api.useNumbersOwnSmsWebhooks(serviceSid);
      await context.serviceReady;
      if (await context.api.isNumberInService(serviceSid, number.sid)) {
        state = 'member';
      } else {
        await context.api.addNumberToService(serviceSid, number.sid);
        state = 'added';
      }
    } catch (failure) {
      const code = failure instanceof AppError ? failure.data.twilioCode : undefined;
      if (code === 21710) state = 'member';
      else if (code === 21712) state = 'other-service';
      else {
        state = 'failed';
        error = errorDataOf(failure);
      }
    }
    // Only a number Gleam added is removed again on unassign.
    setMessagingMembership(db, number.sid, { serviceSid, state, error });
    if (state === 'added' || state === 'member') {
      noteServiceMember(db, { accountSid: context.account.sid, serviceSid, numberSid: number.sid, member: true });
    }
    if (state === 'member') return { reason: 'already-in-service' };
    if (state === 'other-service') return { reason: 'in-other-service' };
    return error === null ? null : { reason: 'service-refused', error };
  }

  async function assign(context: JobContext, sid: string, agentId: string): Promise<AssignmentNote | null> {
    const number = ownedNumber(context, sid);
    const existing = getAssignment(db, sid);
    let previous = existing?.previousConfiguration ?? (context.freshlyListed ? number.configuration : undefined);
    if (!previous) {
      // Twilio's configuration now, not an older local copy: this is what unassigning will put back.
      const live = await context.api.fetchOwnedNumber(sid);
      if (!live) {
        markReleased(db, [sid], now());
        throw reasonError('number_released_elsewhere');
      }
      store(number, live);
      previous = live.configuration;
    }
    beginAssignment(db, { numberSid: sid, agentId, previousConfiguration: previous, at: now() });
    let updated: TwilioNumber;
    try {
      updated = await context.api.configureNumber(sid, agentConfiguration(webhookBaseUrl(), agentId));
    } catch (error) {
      setAssignmentStatus(db, sid, { status: 'assigning', lastError: failed(error), at: now() });
      throw error;
    }
    // One commit for both: a bulk job makes hundreds of these, each a disk sync.
    inWriteTransaction(db, () => {
      store(number, updated);
      setAssignmentStatus(db, sid, { status: 'configured', lastError: null, at: now() });
    });
    return joinMessagingService(context, number, existing);
  }

  async function unassign(context: JobContext, sid: string): Promise<AssignmentNote | null> {
    const assignment = getAssignment(db, sid);
    if (!assignment) return { reason: 'not-assigned' };
    const number = ownedNumber(context, sid);
    setAssignmentStatus(db, sid, { status: 'unassigning', lastError: null, at: now() });
    try {
      if (assignment.messaging === 'added' && assignment.messagingServiceSid) {
        await context.api.removeNumberFromService(assignment.messagingServiceSid, sid);
        noteServiceMember(db, {
          accountSid: context.account.sid,
          serviceSid: assignment.messagingServiceSid,
          numberSid: sid,
          member: false,
        });
      }
      const restored = await context.api.configureNumber(sid, restoringConfiguration(assignment.previousConfiguration));
      inWriteTransaction(db, () => {
        store(number, restored);
        deleteAssignment(db, sid);
      });
      return null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        markReleased(db, [sid], now());
        return { reason: 'released-elsewhere' };
      }
      setAssignmentStatus(db, sid, { status: 'unassigning', lastError: failed(error), at: now() });
      throw error;
    }
  }

  function perform(context: JobContext, action: AssignmentAction, sid: string, agentId: string | undefined) {
    switch (action) {
      case 'assign':
        if (!agentId) throw reasonError('agent_not_chosen');
        return assign(context, sid, agentId);
      case 'repair': {
        const assignment = getAssignment(db, sid);
        if (!assignment) throw reasonError('number_not_assigned');
        return assign(context, sid, assignment.agentId);
      }
      case 'unassign':
        return unassign(context, sid);
      case 'adopt':
        deleteAssignment(db, sid);
        return Promise.resolve(null);
    }
  }

  /** A 429 was never processed by Twilio, so the same change is sent again after a pause. */
  async function withRateLimitRetry<T>(work: () => Promise<T>, signal: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        const rateLimited = error instanceof AppError && error.code === 'rate_limited';
        if (!rateLimited || attempt >= RATE_LIMIT_ATTEMPTS || signal.aborted) throw error;
        await sleep(RATE_LIMIT_PAUSE_MS * attempt);
      }
    }
  }

  async function runJob(
    controller: AbortController,
    { jobId, action, agentId, numberSids }: ChannelParsedInput<'assignments:run'>,
  ): Promise<AssignmentResult> {
    const { row, api } = await connection.connected();
    const sids = [...new Set(numberSids)];
    const firstTime = action === 'assign' ? sids.filter((sid) => !getAssignment(db, sid)).length : 0;
    const freshlyListed = firstTime > FRESH_LISTING_THRESHOLD;
    if (freshlyListed) await deps.numbers.sync();
    const context: JobContext = { account: row, api, signal: controller.signal, serviceReady: null, freshlyListed };
    const progress = { jobId, done: 0, failed: 0, total: sids.length };
    emit('assignments:progress', { ...progress });

    const runOne = async (sid: string): Promise<AssignmentOutcome> => {
      const phoneNumber = getOwnedNumber(db, sid)?.phoneNumber ?? sid;
      const outcome = (
        result: AssignmentOutcome['outcome'],
        error: AssignmentFailure | null,
        note: AssignmentNote | null,
      ) => {
        if (result === 'failed') progress.failed += 1;
        progress.done += 1;
        emit('assignments:progress', { ...progress });
        return { numberSid: sid, phoneNumber, outcome: result, error, note };
      };
      if (controller.signal.aborted) return outcome('cancelled', null, null);
      if (busy.has(sid)) {
        return outcome('failed', { reason: 'busy' }, null);
      }
      busy.add(sid);
      try {
        const note = await withRateLimitRetry(() => perform(context, action, sid, agentId), controller.signal);
        return outcome('done', null, note);
      } catch (error) {
        logger.warn('assignment failed', { action, number: sid, error: messageOf(error) });
        return outcome('failed', failed(error), null);
      } finally {
        busy.delete(sid);
      }
    };

    const outcomes = await Promise.all(sids.map((sid) => pool(() => runOne(sid))));
    logger.info('assignment job finished', { action, total: sids.length, failed: progress.failed });
    return { jobId, outcomes };
  }

  return {
    async run({ jobId, action, agentId, numberSids }) {
      if (jobs.has(jobId)) throw reasonError('job_running');
      if (action === 'assign' && agentId && !getAgent(db, agentId)) {
        throw reasonError('agent_gone');
      }
      const controller = new AbortController();
      jobs.set(jobId, controller);
      try {
        return await runJob(controller, { jobId, action, agentId, numberSids });
      } finally {
        jobs.delete(jobId);
        emit('numbers:changed', {});
        emit('agents:changed', {});
      }
    },
    cancelAll() {
      for (const controller of jobs.values()) controller.abort();
    },

    cancel(jobId) {
      const controller = jobs.get(jobId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
  };
}

export function assignmentsHandlers(assignments: AssignmentsService): ChannelHandlers<'assignments'> {
  return {
    'assignments:run': (input) => assignments.run(input),
    'assignments:cancel': ({ jobId }) => ({ cancelled: assignments.cancel(jobId) }),
  };
}
