/**
 * How the fake's stores make records: random SIDs and Twilio's whole-second
 * timestamps. Shared so every store stamps its records alike.
 */
import { randomBytes } from 'node:crypto';

/** The 32 hex digits after a SID's two-letter prefix. */
export const randomHex32 = () => randomBytes(16).toString('hex');

/** Twilio timestamps have whole seconds; keeping them that way makes both date formats round-trip. */
export const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
