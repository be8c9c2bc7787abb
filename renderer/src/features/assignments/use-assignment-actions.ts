import { useJobRunning } from './use-assignment-job';
import { useTwilioActions, type TwilioActions } from '../../lib/twilio-actions';

/** The job status element; while a job runs, disabled assignment buttons point to it for the reason. */
export const ASSIGNMENT_JOB_STATUS_ID = 'assignment-job-status';

export interface AssignmentActions extends TwilioActions {
  jobRunning: boolean;
}

/**
 * Whether numbers can be assigned, unassigned, repaired or adopted now:
 * Twilio must be reachable and connected (as for buying), and one job runs
 * at a time. `describedBy` names the visible note that says which.
 */
export function useAssignmentActions(): AssignmentActions {
  const twilio = useTwilioActions();
  const jobRunning = useJobRunning();
  if (twilio.blocked) return { ...twilio, jobRunning };
  return {
    ...twilio,
    jobRunning,
    blocked: jobRunning,
    describedBy: jobRunning ? ASSIGNMENT_JOB_STATUS_ID : undefined,
  };
}
