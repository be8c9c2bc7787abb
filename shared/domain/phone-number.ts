import { z } from 'zod';

/** A phone number in E.164 form, as Twilio writes it. */
export const E164Schema = z
  .string()
  .max(64)
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, { message: 'A phone number in international format, such as +14155550100.' });
