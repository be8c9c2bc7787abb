/**
 * Giving numbers to agents and taking them back, as jobs: one at a time,
 * each with a fresh `jobId` made here so its `assignments:progress` events
 * can be told apart and the job cancelled. Deleting an agent is a job too,
 * because main unassigns its numbers first.
 *
 * Nothing is hidden: when a job ends its outcome stays on screen (every
 * failed number with Twilio's reason, every number a cancel left untouched)
 * until the person dismisses it, on the Agents and Phone Numbers screens
 * alike, and "Retry failed" runs the same action again, under a new job id,
 * on exactly those numbers.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { AssignmentAction, AssignmentProgress, AssignmentResult } from '../../../../shared/domain/agents';
import type { GleamApi } from '../../../../shared/ipc/contract';
import { errorDataOf } from '../../lib/errors';
import { useApi } from '../../lib/query/app-services';
import { runSharedAction, useProgress, useSharedAction, useSharedActionState } from '../../lib/query/hooks';
import { progressKey } from '../../lib/query/main-events';
import { useAppStoreApi } from '../../store/store-context';

export type JobRequest =
  | {
      kind: 'run';
      action: AssignmentAction;
      /** The agent the numbers are given to (assign), or belong to (the others), for the wording. */
      agentId?: string;
      agentName: string | null;
      numberSids: string[];
    }
  | { kind: 'delete-agent'; agentId: string; agentName: string; numberCount: number };

interface Job {
  request: JobRequest;
  jobId: string;
}

/** What main answers: the outcome of each number, and for a delete whether the agent is gone. */
type JobAnswer = AssignmentResult & { deleted?: boolean };

/** The job's key: `agents:delete` runs one too, and answers the same outcomes. */
const JOB_KEY = ['assignments:run'] as const;

/** How many numbers a job covers, before main says. */
export const jobSize = (request: JobRequest): number =>
  request.kind === 'run' ? request.numberSids.length : request.numberCount;

function call(api: GleamApi, { request, jobId }: Job): Promise<JobAnswer> {
  if (request.kind === 'delete-agent') return api.agents.delete({ id: request.agentId, jobId });
  const { action, agentId, numberSids } = request;
  return api.assignments.run({ jobId, action, numberSids, ...(agentId ? { agentId } : {}) });
}

export interface AssignmentJob {
  request: JobRequest;
  jobId: string;
  running: boolean;
  cancelling: boolean;
  cancelError: ReturnType<typeof errorDataOf>;
  /** The latest `assignments:progress` for this job; null until the first. */
  progress: AssignmentProgress | null;
  result: AssignmentResult | null;
  /** Delete jobs only: whether the agent is gone. */
  deleted: boolean | null;
  /** The whole call failed (nothing per number to show). */
  error: ReturnType<typeof errorDataOf>;
}

/** Starts a job (closing the dialog and clearing the number selection); does nothing while one runs. */
export function useRunAssignments(): (request: JobRequest) => void {
  const api = useApi();
  const client = useQueryClient();
  const store = useAppStoreApi();
  return (request) => {
    if (client.isMutating({ mutationKey: JOB_KEY }) > 0) return;
    const job: Job = { request, jobId: crypto.randomUUID() };
    store.setState({ assignmentDialog: null, numberSelection: new Set<string>() });
    void runSharedAction<typeof JOB_KEY, JobAnswer, Job>(client, api, JOB_KEY, job, {
      call,
      onSuccess: (answer) => {
        const view = store.getState().agentsView;
        if (answer.deleted && view.kind !== 'list' && view.agentId === request.agentId) {
          store.getState().showAgents({ kind: 'list' });
        }
      },
      // Main says so with its change events too; reading both here means the outcome and the lists agree.
      onSettled: () =>
        Promise.all([
          client.invalidateQueries({ queryKey: ['numbers:list'] }),
          client.invalidateQueries({ queryKey: ['agents:list'] }),
        ]),
    });
  };
}

/** The job running or last run, as both screens show it, with Cancel, Retry failed and Dismiss. */
export function useAssignmentJob() {
  const run = useRunAssignments();
  const latest = useSharedActionState<typeof JOB_KEY, JobAnswer, Job>(JOB_KEY);
  const { dismiss } = useSharedAction(JOB_KEY);
  const jobId = latest.variables?.jobId ?? '';
  const cancel = useSharedAction(['assignments:cancel', jobId]);
  const progress = useProgress(progressKey.assignmentJob(jobId));

  const { deleted = null, ...result } = latest.data ?? {};
  const job: AssignmentJob | null = latest.variables
    ? {
        request: latest.variables.request,
        jobId,
        running: latest.pending,
        // Once asked, until the job ends: numbers already started finish first.
        cancelling: latest.pending && cancel.state !== undefined && cancel.state.status !== 'error',
        cancelError: errorDataOf(cancel.error),
        progress,
        result: latest.data ? (result as AssignmentResult) : null,
        deleted,
        error: errorDataOf(latest.error),
      }
    : null;

  return {
    job,
    cancel: () => {
      if (!job?.running || cancel.pending) return;
      void cancel.run({ jobId });
    },
    /** The same action again, on the numbers that failed or were not started (or all of them if the call failed). */
    retryFailed: () => {
      if (!job || job.running) return;
      const { request, result, error } = job;
      if (request.kind === 'delete-agent') {
        run(request);
        return;
      }
      const retry = error
        ? request.numberSids
        : (result?.outcomes ?? []).filter((entry) => entry.outcome !== 'done').map((entry) => entry.numberSid);
      if (retry.length > 0) run({ ...request, numberSids: retry });
    },
    dismiss: () => {
      if (!job?.running) dismiss();
    },
  };
}

/** Whether a job runs now. */
export const useJobRunning = (): boolean => useSharedActionState(JOB_KEY).pending;
