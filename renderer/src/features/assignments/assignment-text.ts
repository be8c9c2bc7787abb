/**
 * How assignments read, in plain words: a number's state with its agent,
 * Messaging Service notes, what an assignment will change, and what a job is
 * doing or did, from the reason codes and facts main answers. Shared by the
 * Agents and Phone Numbers screens (and the number doctor, for why a change
 * did not finish).
 */
import type {
  Agent,
  Assignment,
  AssignmentAction,
  AssignmentFailure,
  AssignmentNote,
  AssignmentProblem,
} from '../../../../shared/domain/agents';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { errorLine } from '../../../../shared/errors';
import type { JobRequest } from './use-assignment-job';
import { countOf } from '../../lib/format';

export type AssignmentTone = 'ok' | 'attention' | 'progress' | 'failed';

export interface AssignmentState {
  tone: AssignmentTone;
  /** A few words, for a badge. */
  label: string;
  /** A sentence saying what it means, or the error. */
  detail: string;
  /** The one action that fixes it, if any. */
  fix: 'repair' | 'retry-assign' | 'retry-unassign' | null;
}

/** Drifted, or a failed assign/unassign: something the person should look at. */
export const needsAttention = (assignment: Assignment | null): boolean =>
  assignment !== null && (assignment.status === 'drifted' || assignment.error !== null);

/** Why a change to a number did not finish, or why one number of a job failed, in a sentence. */
export function problemText(problem: AssignmentProblem | AssignmentFailure): string {
  switch (problem.reason) {
    case 'interrupted':
      return 'Gleam stopped before Twilio confirmed this change. Retry to finish it; Twilio may already have part of it.';
    case 'busy':
      return 'Another task is changing this number. Try again when it has finished.';
    case 'failed':
      return errorLine(problem.error);
  }
}

/** What a finished job says about a number that went through, in a sentence. */
export function noteText(note: AssignmentNote): string {
  switch (note.reason) {
    case 'already-in-service':
      return 'It was already in your Messaging Service.';
    case 'in-other-service':
      return 'It is in another Messaging Service. Remove it there to send texts through yours.';
    case 'service-refused':
      return `Could not add it to your Messaging Service: ${errorLine(note.error)}`;
    case 'not-assigned':
      return 'It was not assigned.';
    case 'released-elsewhere':
      return 'It had been released outside Gleam.';
  }
}

export function describeAssignment(assignment: Assignment): AssignmentState {
  const agent = assignment.agentName;
  switch (assignment.status) {
    case 'configured':
      return { tone: 'ok', label: 'Set up', detail: `Calls and texts go to ${agent}.`, fix: null };
    case 'drifted':
      return {
        tone: 'attention',
        label: 'Changed in Twilio',
        detail: `Someone changed this number’s settings in Twilio, outside Gleam, so calls may not reach ${agent}.`,
        fix: 'repair',
      };
    case 'assigning':
      return assignment.error === null
        ? { tone: 'progress', label: 'Setting up…', detail: `Gleam is pointing it at ${agent}.`, fix: null }
        : { tone: 'failed', label: 'Setup failed', detail: problemText(assignment.error), fix: 'retry-assign' };
    case 'unassigning':
      return assignment.error === null
        ? { tone: 'progress', label: 'Unassigning…', detail: 'Gleam is putting back its earlier settings.', fix: null }
        : { tone: 'failed', label: 'Unassign failed', detail: problemText(assignment.error), fix: 'retry-unassign' };
  }
}

/** "2 numbers need attention" */
export const attentionText = (count: number): string =>
  `${countOf(count, 'number')} ${count === 1 ? 'needs' : 'need'} attention`;

export const INACTIVE_AGENT_NOTE = 'Its agent is inactive, so calls to it are not answered.';

/** The number's place in the connected Messaging Service, when Gleam has something to say about it. */
export function messagingNote(assignment: Assignment): { failed: boolean; text: string } | null {
  switch (assignment.messaging) {
    case null:
      return null;
    case 'added':
      return { failed: false, text: 'Added to your Messaging Service.' };
    case 'member':
      return { failed: false, text: 'Already in your Messaging Service.' };
    case 'other-service':
      return {
        failed: true,
        text: 'In another Messaging Service — remove it there first to send texts through yours.',
      };
    case 'failed': {
      // The refusal was kept as the job's note for it reads, so the badge has always shown that note after its
      // own "Could not add it to your Messaging Service:"; kept word for word until it is reworded on purpose.
      const refusal = assignment.messagingError
        ? noteText({ reason: 'service-refused', error: assignment.messagingError })
        : 'Twilio refused.';
      return { failed: true, text: `Could not add it to your Messaging Service: ${refusal}` };
    }
  }
}

/** What assigning `number` to `agent` will change, one sentence each. */
export function assignmentChanges(number: OwnedNumber, agent: Pick<Agent, 'id' | 'name'>): string[] {
  const changes = [`Will point at ${agent.name}.`];
  const current = number.assignment;
  if (current && current.agentId !== agent.id) {
    changes.push(`Currently assigned to ${current.agentName} — will move.`);
  } else if (number.webhookState === 'override') {
    changes.push('A TwiML App or SIP trunk is set and will be cleared (restored if you unassign).');
  } else if (number.webhookState === 'external') {
    changes.push('Calls now go to an address set outside Gleam; it will be saved and restored if you unassign.');
  }
  return changes;
}

const RUNNING: Record<AssignmentAction, string> = {
  assign: 'Assigning',
  unassign: 'Unassigning',
  repair: 'Repairing',
  adopt: 'Keeping Twilio’s settings for',
};

/** "Assigning 3 numbers to Front Desk…" */
export function describeRunningJob(request: JobRequest, total: number): string {
  if (request.kind === 'delete-agent') return `Deleting ${request.agentName}: unassigning its numbers first…`;
  const numbers = countOf(total, 'number');
  const agent = request.agentName;
  if (request.action === 'assign' && agent) return `${RUNNING.assign} ${numbers} to ${agent}…`;
  if (request.action === 'unassign' && agent) return `${RUNNING.unassign} ${numbers} from ${agent}…`;
  return `${RUNNING[request.action]} ${numbers}…`;
}

/** The good part of a finished job, e.g. "Assigned 3 numbers to Front Desk." */
export function describeDone(request: JobRequest, done: number, deleted: boolean | null): string {
  if (request.kind === 'delete-agent') {
    if (!deleted) return `${request.agentName} was not deleted, because Gleam could not unassign all of its numbers.`;
    return done > 0
      ? `Deleted ${request.agentName}. Its ${countOf(done, 'number')} went back to the settings they had before.`
      : `Deleted ${request.agentName}.`;
  }
  const numbers = countOf(done, 'number');
  const agent = request.agentName;
  switch (request.action) {
    case 'assign':
      return `Assigned ${numbers}${agent ? ` to ${agent}` : ''}. Twilio now sends ${done === 1 ? 'its' : 'their'} calls and texts to Gleam.`;
    case 'unassign':
      return `Unassigned ${numbers}. Their previous Twilio settings are back.`;
    case 'repair':
      return `Repaired ${numbers}${agent ? `: calls go to ${agent} again` : ''}.`;
    case 'adopt':
      return `Kept Twilio’s settings for ${numbers}${agent ? `, which no longer ${done === 1 ? 'belongs' : 'belong'} to ${agent}` : ''}.`;
  }
}

const FAILED_VERB: Record<AssignmentAction, string> = {
  assign: 'assign',
  unassign: 'unassign',
  repair: 'repair',
  adopt: 'keep Twilio’s settings for',
};

/** "Could not assign 2 numbers:" */
export function describeFailed(request: JobRequest, failed: number): string {
  const verb = request.kind === 'delete-agent' ? 'unassign' : FAILED_VERB[request.action];
  return `Could not ${verb} ${countOf(failed, 'number')}:`;
}
