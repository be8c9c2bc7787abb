/**
 * Formats of the identifiers a person pastes from the Twilio Console.
 * Checked in the form (before any network call) and again in main, where the
 * same schemas trim and validate every IPC input.
 */
import { z } from 'zod';

interface SidFormat {
  pattern: RegExp;
  rule: string;
}

export const ACCOUNT_SID: SidFormat = {
  pattern: /^AC[0-9a-fA-F]{32}$/,
  rule: 'Account SID starts with AC and has 34 characters (AC, then 32 digits or letters a–f).',
};

export const AUTH_TOKEN: SidFormat = {
  pattern: /^[0-9a-fA-F]{32}$/,
  rule: 'Auth Token has 32 characters, only digits and letters a–f.',
};

export const MESSAGING_SERVICE_SID: SidFormat = {
  pattern: /^MG[0-9a-fA-F]{32}$/,
  rule: 'Messaging Service SID starts with MG and has 34 characters (MG, then 32 digits or letters a–f).',
};

const formatted = (format: SidFormat) => z.string().max(256).trim().regex(format.pattern, { message: format.rule });

export const AccountSidSchema = formatted(ACCOUNT_SID);
export const AuthTokenSchema = formatted(AUTH_TOKEN);
export const MessagingServiceSidSchema = formatted(MESSAGING_SERVICE_SID);

/** Returns the rule the value breaks, or null when it is well formed (after trimming). */
export function formatProblem(format: SidFormat, value: string): string | null {
  return format.pattern.test(value.trim()) ? null : format.rule;
}

/** `AC1234…abcd`: enough to recognise an account, never the whole identifier. */
export function maskSid(sid: string): string {
  return sid.length <= 10 ? sid : `${sid.slice(0, 6)}…${sid.slice(-4)}`;
}
