/**
 * The first-run setup guide: five steps from an empty app to a number an
 * agent answers. Whether a step is done is never stored — main works it out
 * from the real state each time (connected? a number owned? …), so the guide
 * cannot disagree with the screens. Only the person's place in the guide is
 * stored: the step they are on, the steps they chose to skip, and whether
 * they finished (then it no longer opens at start).
 */
import { z } from 'zod';

export const SETUP_STEP_IDS = ['connect', 'number', 'agent', 'assign', 'messaging'] as const;
export const SetupStepIdSchema = z.enum(SETUP_STEP_IDS);
export type SetupStepId = z.infer<typeof SetupStepIdSchema>;

/** Texting through a Messaging Service and A2P registration are for those who need SMS in the US. */
export const OPTIONAL_SETUP_STEPS: readonly SetupStepId[] = ['messaging'];

export const SetupStepSchema = z.object({
  id: SetupStepIdSchema,
  done: z.boolean(),
  skipped: z.boolean(),
});
export type SetupStep = z.infer<typeof SetupStepSchema>;

export const SetupProgressSchema = z.object({
  /** In SETUP_STEP_IDS order. */
  steps: z.array(SetupStepSchema),
  current: SetupStepIdSchema,
  /** The person finished or closed the guide: it no longer opens by itself. */
  finished: z.boolean(),
});
export type SetupProgress = z.infer<typeof SetupProgressSchema>;

/** What the renderer may change: where the person is, what they skipped, whether they are done. */
export const SetupPlaceSchema = z
  .object({
    current: SetupStepIdSchema,
    skipped: z
      .array(SetupStepIdSchema)
      .max(SETUP_STEP_IDS.length)
      .refine((steps) => new Set(steps).size === steps.length, { message: 'A step is listed twice.' }),
    finished: z.boolean(),
  })
  .strict();
export type SetupPlace = z.infer<typeof SetupPlaceSchema>;

export const FIRST_RUN_PLACE: SetupPlace = { current: 'connect', skipped: [], finished: false };

/** Whether the guide should open when the app starts: not finished, and a required step still to do. */
export function setupNeedsAttention(progress: SetupProgress): boolean {
  return !progress.finished && progress.steps.some((step) => !step.done && !OPTIONAL_SETUP_STEPS.includes(step.id));
}
