import type { Database } from 'better-sqlite3';
import {
  AssignmentProblemSchema,
  type AssignmentProblem,
  type MessagingMembership,
} from '../../../shared/domain/agents';
import { NumberConfigurationSchema, type NumberConfiguration } from '../../../shared/domain/number-configuration';
import { AppErrorDataSchema, type AppErrorData } from '../../../shared/errors';

export type StoredAssignmentStatus = 'assigning' | 'configured' | 'unassigning';

export interface AssignmentRecord {
  numberSid: string;
  agentId: string;
  status: StoredAssignmentStatus;
  previousConfiguration: NumberConfiguration;
  messagingServiceSid: string | null;
  messaging: MessagingMembership | null;
  /** Twilio's refusal to add the number to the Messaging Service. */
  messagingError: AppErrorData | null;
  /** Why the change under way did not finish. */
  lastError: AssignmentProblem | null;
  assignedAt: string;
  updatedAt: string;
}

/** The JSON columns as stored. */
interface AssignmentRow extends Omit<AssignmentRecord, 'previousConfiguration' | 'messagingError' | 'lastError'> {
  previousConfiguration: string;
  messagingError: string | null;
  lastError: string | null;
}

const SELECT_ASSIGNMENT = `SELECT number_sid AS numberSid, agent_id AS agentId, status,
  previous_configuration AS previousConfiguration, messaging_service_sid AS messagingServiceSid, messaging,
  messaging_error AS messagingError, last_error AS lastError, assigned_at AS assignedAt, updated_at AS updatedAt
  FROM number_assignments`;

const fromRow = (row: AssignmentRow): AssignmentRecord => ({
  ...row,
  previousConfiguration: NumberConfigurationSchema.parse(JSON.parse(row.previousConfiguration)),
  messagingError: row.messagingError === null ? null : AppErrorDataSchema.parse(JSON.parse(row.messagingError)),
  lastError: row.lastError === null ? null : AssignmentProblemSchema.parse(JSON.parse(row.lastError)),
});

const toJson = (value: object | null): string | null => (value === null ? null : JSON.stringify(value));

export function listAssignments(db: Database): AssignmentRecord[] {
  return (db.prepare(SELECT_ASSIGNMENT).all() as AssignmentRow[]).map(fromRow);
}

export function getAssignment(db: Database, numberSid: string): AssignmentRecord | null {
  const row = db.prepare(`${SELECT_ASSIGNMENT} WHERE number_sid = ?`).get(numberSid) as AssignmentRow | undefined;
  return row ? fromRow(row) : null;
}

/** Live numbers of the account that Twilio has configured for an agent. */
export function countConfiguredNumbers(db: Database, accountSid: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM number_assignments a JOIN phone_numbers p ON p.sid = a.number_sid
       WHERE p.account_sid = ? AND p.released_at IS NULL AND a.status = 'configured'`,
    )
    .get(accountSid) as { n: number };
  return row.n;
}

export function assignmentsOfAgent(db: Database, agentId: string): AssignmentRecord[] {
  return (db.prepare(`${SELECT_ASSIGNMENT} WHERE agent_id = ?`).all(agentId) as AssignmentRow[]).map(fromRow);
}

/**
 * Records that the number is being assigned, before Twilio is changed. The
 * previous configuration is written only the first time: moving a number
 * between agents keeps what it had before Gleam.
 */
export function beginAssignment(
  db: Database,
  input: { numberSid: string; agentId: string; previousConfiguration: NumberConfiguration; at: string },
): void {
  db.prepare(
    `INSERT INTO number_assignments (number_sid, agent_id, status, previous_configuration, assigned_at, updated_at)
     VALUES (@numberSid, @agentId, 'assigning', @previous, @at, @at)
     ON CONFLICT (number_sid) DO UPDATE SET agent_id = excluded.agent_id, status = 'assigning',
       last_error = NULL, updated_at = excluded.updated_at`,
  ).run({ ...input, previous: JSON.stringify(input.previousConfiguration) });
}

export function setAssignmentStatus(
  db: Database,
  numberSid: string,
  update: { status: StoredAssignmentStatus; lastError: AssignmentProblem | null; at: string },
): void {
  db.prepare(
    'UPDATE number_assignments SET status = @status, last_error = @lastError, updated_at = @at WHERE number_sid = @numberSid',
  ).run({ ...update, lastError: toJson(update.lastError), numberSid });
}

const INTERRUPTED: AssignmentProblem = { reason: 'interrupted' };

/**
 * Changes still under way when the app starts were left by a process that died mid-job: mark each
 * interrupted, which makes the screens offer Retry, instead of "setting up" for ever. Answers how many there were.
 */
export function markInterruptedChanges(db: Database, update: { at: string }): number {
  return db
    .prepare(
      `UPDATE number_assignments SET last_error = @interrupted, updated_at = @at
       WHERE status IN ('assigning', 'unassigning') AND last_error IS NULL`,
    )
    .run({ ...update, interrupted: toJson(INTERRUPTED) }).changes;
}

export function setMessagingMembership(
  db: Database,
  numberSid: string,
  membership: { serviceSid: string | null; state: MessagingMembership | null; error: AppErrorData | null },
): void {
  db.prepare(
    `UPDATE number_assignments SET messaging_service_sid = @serviceSid, messaging = @state, messaging_error = @error
     WHERE number_sid = @numberSid`,
  ).run({ ...membership, error: toJson(membership.error), numberSid });
}

export function deleteAssignment(db: Database, numberSid: string): void {
  db.prepare('DELETE FROM number_assignments WHERE number_sid = ?').run(numberSid);
}
