/**
 * Giving numbers to agents and taking them back, as jobs: one at a time,
 * each with a fresh `jobId` made here so its `assignments:progress` events
 * can be told apart and the job cancelled. Deleting an agent is a job too,
 * because main unassigns its numbers first.
 *
 * Nothing is hidden: when a job ends its outcome stays on screen (every
 * failed number with Twilio's reason, every number a cancel left untouched)
 * until the person dismisses it, and "Retry failed" runs the same action
 * again, under a new job id, on exactly those numbers.
 *
 * The confirmation or picker that leads to a job is also kept here, so the
 * Agents and Phone Numbers screens share the same dialogs.
 */
import type { AppErrorData } from '../../../shared/errors';
import type { AssignmentAction, AssignmentProgress, AssignmentResult } from '../../../shared/domain/agents';
import type { GleamApi } from '../../../shared/ipc/contract';
import { failureOf } from './error-data';
import type { Slice } from './slice';

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

export interface AssignmentJob {
  request: JobRequest;
  jobId: string;
  running: boolean;
  cancelling: boolean;
  cancelError: AppErrorData | null;
  /** The latest `assignments:progress` for this job; null until the first. */
  progress: AssignmentProgress | null;
  result: AssignmentResult | null;
  /** Delete jobs only: whether the agent is gone. */
  deleted: boolean | null;
  /** The whole call failed (nothing per number to show). */
  error: AppErrorData | null;
}

/** The dialog, if any, that leads to a job. Numbers are held by SID and read fresh from the list. */
export type AssignmentDialog =
  | { kind: 'assign-numbers'; agentId: string }
  | { kind: 'assign-to-agent'; numberSids: string[] }
  | { kind: 'unassign'; numberSids: string[] }
  | { kind: 'adopt'; numberSid: string }
  | { kind: 'fix'; numberSid: string };

export interface AssignmentsSlice {
  assignmentJob: AssignmentJob | null;
  assignmentDialog: AssignmentDialog | null;
  openAssignmentDialog: (dialog: AssignmentDialog) => void;
  closeAssignmentDialog: () => void;
  /** Starts a job (closing the dialog and clearing the number selection); does nothing while one runs. */
  runAssignments: (request: JobRequest) => Promise<void>;
  cancelAssignments: () => Promise<void>;
  /** The same action again, on the numbers that failed or were not started (or all of them if the call failed). */
  retryFailedAssignments: () => Promise<void>;
  dismissAssignmentJob: () => void;
}

/** How many numbers a job covers, before main says. */
export const jobSize = (request: JobRequest): number =>
  request.kind === 'run' ? request.numberSids.length : request.numberCount;

export const createAssignmentsSlice =
  (api: GleamApi): Slice<AssignmentsSlice> =>
  (set, get) => {
    /** Patches the job, but only if it is still the one the answer belongs to. */
    const patchJob = (jobId: string, patch: Partial<AssignmentJob>) =>
      set((state) =>
        state.assignmentJob?.jobId === jobId ? { assignmentJob: { ...state.assignmentJob, ...patch } } : {},
      );

    async function call(request: JobRequest, jobId: string): Promise<Partial<AssignmentJob>> {
      if (request.kind === 'delete-agent') {
        const { deleted, ...result } = await api.agents.delete({ id: request.agentId, jobId });
        return { result, deleted };
      }
      const { action, agentId, numberSids } = request;
      const result = await api.assignments.run({ jobId, action, numberSids, ...(agentId ? { agentId } : {}) });
      return { result };
    }

    return {
      assignmentJob: null,
      assignmentDialog: null,

      openAssignmentDialog: (dialog) => set({ assignmentDialog: dialog }),
      closeAssignmentDialog: () => set({ assignmentDialog: null }),

      runAssignments: async (request) => {
        if (get().assignmentJob?.running) return;
        const jobId = crypto.randomUUID();
        set({
          assignmentJob: {
            request,
            jobId,
            running: true,
            cancelling: false,
            cancelError: null,
            progress: null,
            result: null,
            deleted: null,
            error: null,
          },
          assignmentDialog: null,
          numberSelection: new Set<string>(),
        });
        const unsubscribe = api.on('assignments:progress', (progress) => {
          if (progress.jobId === jobId) patchJob(jobId, { progress });
        });
        try {
          const outcome = await call(request, jobId);
          patchJob(jobId, { ...outcome, running: false, cancelling: false });
          if (outcome.result?.outcomes.some((entry) => entry.outcome === 'done')) get().clearOfflineReport();
          const view = get().agents.view;
          if (outcome.deleted && view.kind !== 'list' && view.agentId === request.agentId) {
            get().showAgents({ kind: 'list' });
          }
        } catch (error) {
          patchJob(jobId, { running: false, cancelling: false, error: failureOf(error, get().reportOffline) });
        } finally {
          unsubscribe();
        }
        // Main says so with its change events too; reading both here means the outcome and the lists agree.
        await Promise.all([get().loadNumbers(), get().loadAgents()]);
      },

      cancelAssignments: async () => {
        const job = get().assignmentJob;
        if (!job?.running || job.cancelling) return;
        patchJob(job.jobId, { cancelling: true, cancelError: null });
        try {
          await api.assignments.cancel({ jobId: job.jobId });
        } catch (error) {
          patchJob(job.jobId, { cancelling: false, cancelError: failureOf(error, get().reportOffline) });
        }
      },

      retryFailedAssignments: async () => {
        const job = get().assignmentJob;
        if (!job || job.running) return;
        const { request, result, error } = job;
        if (request.kind === 'delete-agent') {
          await get().runAssignments(request);
          return;
        }
        const retry = error
          ? request.numberSids
          : (result?.outcomes ?? []).filter((entry) => entry.outcome !== 'done').map((entry) => entry.numberSid);
        if (retry.length > 0) await get().runAssignments({ ...request, numberSids: retry });
      },

      dismissAssignmentJob: () => {
        if (!get().assignmentJob?.running) set({ assignmentJob: null });
      },
    };
  };
