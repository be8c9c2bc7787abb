/** Agents and assignments for tests, shaped by the contract's types. */
import type {
  Agent,
  Assignment,
  AssignmentFailure,
  AssignmentNote,
  AssignmentOutcome,
  AssignmentResult,
} from '../../../shared/domain/agents';
import type { OwnedNumber } from '../../../shared/domain/numbers';
import { appError, type ErrorCode } from '../../../shared/errors';

export const FRONT_DESK_ID = '0b7f6c1e-3d2a-4c5b-8e9f-1a2b3c4d5e6f';
export const NIGHT_LINE_ID = '5c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f';

export function agent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: FRONT_DESK_ID,
    name: 'Front Desk',
    greeting: 'Thanks for calling Acme Plumbing, how can I help?',
    instructions: 'We are open 8 to 6, Monday to Friday.',
    voice: 'alloy',
    language: 'en-US',
    status: 'active',
    forwardingNumber: '',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    numberCount: 0,
    attentionCount: 0,
    ...overrides,
  };
}

export const FRONT_DESK = agent();
export const NIGHT_LINE = agent({ id: NIGHT_LINE_ID, name: 'Night Line', status: 'inactive', voice: 'sage' });

/** `number`, assigned to `to`: configured unless overridden. */
export function assignedTo(number: OwnedNumber, to: Agent, overrides: Partial<Assignment> = {}): OwnedNumber {
  return {
    ...number,
    assignment: {
      agentId: to.id,
      agentName: to.name,
      agentStatus: to.status,
      status: 'configured',
      error: null,
      messaging: null,
      messagingError: null,
      ...overrides,
    },
  };
}

/** A change that failed with the code's error, as a job reports it and a number keeps it. */
export const failedWith = (code: ErrorCode) => ({ reason: 'failed', error: appError(code).data }) as const;

export function outcome(
  number: OwnedNumber,
  result: AssignmentOutcome['outcome'],
  error: AssignmentFailure | null = null,
  note: AssignmentNote | null = null,
): AssignmentOutcome {
  return { numberSid: number.sid, phoneNumber: number.phoneNumber, outcome: result, error, note };
}

export function jobResult(jobId: string, outcomes: AssignmentOutcome[]): AssignmentResult {
  return { jobId, outcomes };
}

/** A job id as the renderer makes them: a version 4 UUID. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
