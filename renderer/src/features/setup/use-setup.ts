/**
 * The setup guide: main's answer of which steps are done and where the
 * person is. Moving between steps, skipping and finishing are saved in main
 * at once, so the guide reopens where it was left, also after a restart.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import {
  SETUP_STEP_IDS,
  setupNeedsAttention,
  type SetupPlace,
  type SetupProgress,
  type SetupStepId,
} from '../../../../shared/domain/setup';
import { useApi } from '../../lib/query/app-services';
import { channelQuery } from '../../lib/query/channels';
import { mutateChannel, useChannelQuery } from '../../lib/query/hooks';
import { useAppStore } from '../../store/store-context';

export const useSetupProgress = () => useChannelQuery('setup:progress', {});

/** At start: opens the guide when it is not finished and a required step is still to do. */
export function useOpenSetupIfNeeded(): void {
  const { data, isFetched } = useSetupProgress();
  const navigate = useAppStore((state) => state.navigate);
  const decided = useRef(false);
  useEffect(() => {
    if (decided.current || !isFetched) return;
    decided.current = true;
    if (data && setupNeedsAttention(data)) navigate('setup');
  }, [data, isFetched, navigate]);
}

const placeOf = (progress: SetupProgress): SetupPlace => ({
  current: progress.current,
  skipped: progress.steps.filter((step) => step.skipped).map((step) => step.id),
  finished: progress.finished,
});

const nextStep = (step: SetupStepId): SetupStepId | null => SETUP_STEP_IDS[SETUP_STEP_IDS.indexOf(step) + 1] ?? null;

export function useSetupSteps() {
  const api = useApi();
  const client = useQueryClient();
  const navigate = useAppStore((state) => state.navigate);

  const save = async (change: (place: SetupPlace) => SetupPlace) => {
    const read = channelQuery(api, 'setup:progress', {});
    const known = client.getQueryData<SetupProgress>(read.queryKey) ?? (await client.query(read).catch(() => null));
    if (!known) return;
    try {
      client.setQueryData(read.queryKey, await mutateChannel(client, api, 'setup:save', change(placeOf(known))));
    } catch {
      // The guide stays where it was; an offline answer is reported like any other.
    }
  };

  const leave = async (step: SetupStepId, skipped: boolean) => {
    const next = nextStep(step);
    await save((place) => ({
      current: next ?? step,
      skipped: skipped ? [...new Set([...place.skipped, step])] : place.skipped.filter((id) => id !== step),
      finished: next === null ? true : place.finished,
    }));
    if (next === null) navigate('numbers');
  };

  return {
    goToStep: (step: SetupStepId) => save((place) => ({ ...place, current: step })),
    /** Marks the step skipped and moves to the next one (or finishes after the last). */
    skipStep: (step: SetupStepId) => leave(step, true),
    /** Moves on from a done step: its skip mark goes, and the next step opens (or the guide finishes). */
    completeStep: (step: SetupStepId) => leave(step, false),
    /** Closes the guide; it stays in the sidebar to come back to. */
    finish: async () => {
      await save((place) => ({ ...place, finished: true }));
      navigate('numbers');
    },
  };
}
