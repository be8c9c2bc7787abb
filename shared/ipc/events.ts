/**
 * Events main pushes to the renderer (progress of long work). Like channels,
 * each has a schema; the preload forwards only these names.
 */
import { z } from 'zod';
import { AssignmentProgressSchema } from '../domain/agents';
import { SyncProgressSchema } from '../domain/numbers';
import { CostSyncProgressSchema } from '../domain/costs';
import { TwilioReachabilitySchema } from '../domain/connection';

export const events = {
  'numbers:syncProgress': SyncProgressSchema,
  /** The local copy of the numbers changed (a sync finished, a purchase settled). */
  'numbers:changed': z.object({}),
  /** A number of an assignment job finished (configured, failed or skipped after a cancel). */
  'assignments:progress': AssignmentProgressSchema,
  /** Agents were created, edited or deleted, or their numbers changed. */
  'agents:changed': z.object({}),
  /** The person chose Help in the application menu. */
  'app:showHelp': z.object({}),
  'costs:syncProgress': CostSyncProgressSchema,
  /** The local copy of usage, records or balance changed (a cost sync finished). */
  'costs:changed': z.object({}),
  /** The local copy of the A2P 10DLC registrations changed (a read from Twilio finished). */
  'a2p:changed': z.object({}),
  /** Twilio stopped answering the app's requests, or answers again. */
  'reachability:changed': TwilioReachabilitySchema,
} as const satisfies Record<`${string}:${string}`, z.ZodType>;

export type EventName = keyof typeof events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;
/** Subscribes to an event; returns the function that unsubscribes. */
export type Subscribe = <E extends EventName>(event: E, listener: EventListener<E>) => () => void;
