/**
 * The setup guide: main's answer of which steps are done and where the
 * person is. Moving between steps, skipping and finishing are saved in main
 * at once, so the guide reopens where it was left, also after a restart.
 */
import {
  SETUP_STEP_IDS,
  setupNeedsAttention,
  type SetupPlace,
  type SetupProgress,
  type SetupStepId,
} from '../../../shared/domain/setup';
import type { AppErrorData } from '../../../shared/errors';
import type { GleamApi } from '../../../shared/ipc/contract';
import { failureOf } from './error-data';
import type { Slice } from './slice';

export interface SetupSlice {
  setup: { progress: SetupProgress | null; error: AppErrorData | null };
  /** Reads the progress; answers it, or null when main could not be asked. */
  loadSetup: () => Promise<SetupProgress | null>;
  /** At start: opens the guide when it is not finished and a required step is still to do. */
  openSetupIfNeeded: () => Promise<void>;
  goToSetupStep: (step: SetupStepId) => Promise<void>;
  /** Marks the step skipped and moves to the next one (or finishes after the last). */
  skipSetupStep: (step: SetupStepId) => Promise<void>;
  /** Moves on from a done step: its skip mark goes, and the next step opens (or the guide finishes). */
  completeSetupStep: (step: SetupStepId) => Promise<void>;
  /** Closes the guide; it stays in the sidebar to come back to. */
  finishSetup: () => Promise<void>;
}

const placeOf = (progress: SetupProgress): SetupPlace => ({
  current: progress.current,
  skipped: progress.steps.filter((step) => step.skipped).map((step) => step.id),
  finished: progress.finished,
});

const nextStep = (step: SetupStepId): SetupStepId | null => SETUP_STEP_IDS[SETUP_STEP_IDS.indexOf(step) + 1] ?? null;

export const createSetupSlice =
  (api: GleamApi): Slice<SetupSlice> =>
  (set, get) => {
    const failure = (error: unknown) =>
      set({ setup: { ...get().setup, error: failureOf(error, get().reportOffline) } });

    const save = async (change: (place: SetupPlace) => SetupPlace) => {
      const known = get().setup.progress ?? (await get().loadSetup());
      if (!known) return;
      try {
        set({ setup: { progress: await api.setup.save(change(placeOf(known))), error: null } });
      } catch (error) {
        failure(error);
      }
    };

    const leave = async (step: SetupStepId, skipped: boolean) => {
      const next = nextStep(step);
      await save((place) => ({
        current: next ?? step,
        skipped: skipped ? [...new Set([...place.skipped, step])] : place.skipped.filter((id) => id !== step),
        finished: next === null ? true : place.finished,
      }));
      if (next === null) get().navigate('numbers');
    };

    return {
      setup: { progress: null, error: null },

      loadSetup: async () => {
        try {
          const progress = await api.setup.progress({});
          set({ setup: { progress, error: null } });
          return progress;
        } catch (error) {
          failure(error);
          return null;
        }
      },

      openSetupIfNeeded: async () => {
        const progress = await get().loadSetup();
        if (progress && setupNeedsAttention(progress)) get().navigate('setup');
      },

      goToSetupStep: (step) => save((place) => ({ ...place, current: step })),
      skipSetupStep: (step) => leave(step, true),
      completeSetupStep: (step) => leave(step, false),

      finishSetup: async () => {
        await save((place) => ({ ...place, finished: true }));
        get().navigate('numbers');
      },
    };
  };
