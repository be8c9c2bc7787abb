/**
 * How the fake's stores make and keep records: random SIDs, Twilio's
 * whole-second timestamps, list order and partial updates. Shared so every
 * store treats its records alike.
 */
import { randomBytes } from 'node:crypto';

/** The 32 hex digits after a SID's two-letter prefix. */
export const randomHex32 = () => randomBytes(16).toString('hex');

/** Twilio timestamps have whole seconds; keeping them that way makes both date formats round-trip. */
export const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** Twilio's list order for most resources: oldest first, ties broken by SID, so pages never reshuffle. */
export const byCreation = <T extends { sid: string; dateCreated: Date }>(a: T, b: T) =>
  a.dateCreated.getTime() - b.dateCreated.getTime() || (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0);

/** Keys whose value is undefined would overwrite a record's fields with undefined on spread. */
export function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
