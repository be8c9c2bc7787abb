import { z } from 'zod';

/**
 * What main issues before an action that costs money or cannot be undone (see
 * electron/main/services/confirmations.ts): the action's channel takes only
 * this id, once, before `expiresAt`.
 */
export const ConfirmationSchema = z.object({ id: z.uuid(), expiresAt: z.string() });
export type Confirmation = z.infer<typeof ConfirmationSchema>;

/** The input of a confirmed action's channel. */
export const ConfirmedInputSchema = z.object({ confirmationId: z.uuid() }).strict();
