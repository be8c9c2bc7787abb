/**
 * The Buy Number search form: its draft, the same rules main's schema applies
 * (checked here first so a person sees which field to fix before anything is
 * sent), and the search input built from a valid draft.
 */
import { z } from 'zod';
import { NUMBER_TYPES } from '../../../../shared/domain/numbers';
import type { SearchNumbersInput } from '../../../../shared/ipc/contract';

/**
 * The rules main's schema applies to a search, in the words of this form. Where a value breaks two, the
 * form says the last one found: the length comes after what the characters may be.
 */
export const SearchDraftSchema = z.object({
  country: z.string(),
  type: z.enum(NUMBER_TYPES),
  areaCode: z
    .string()
    .trim()
    .regex(/^(\d{3})?$/, { message: 'An area code has 3 digits, such as 415.' }),
  locality: z.string().trim().max(64, { message: 'Use at most 64 characters.' }),
  region: z.string().trim().max(32, { message: 'Use at most 32 characters.' }),
  contains: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z*]*$/, { message: 'Use only digits, letters or * (any digit).' })
    .max(16, { message: 'Use at most 16 characters.' }),
  voice: z.boolean(),
  sms: z.boolean(),
  mms: z.boolean(),
});
export type SearchDraft = z.input<typeof SearchDraftSchema>;

export const EMPTY_SEARCH: SearchDraft = {
  country: 'US',
  type: 'local',
  areaCode: '',
  locality: '',
  region: '',
  contains: '',
  // Gleam's agents answer calls, so voice is what most people need.
  voice: true,
  sms: false,
  mms: false,
};

/** Empty fields are left out, so main and Twilio see only what the person asked for. */
export function toSearchInput(draft: SearchDraft): SearchNumbersInput {
  const optional = (value: string) => {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const input: SearchNumbersInput = {
    country: draft.country,
    type: draft.type,
    capabilities: { voice: draft.voice, sms: draft.sms, mms: draft.mms },
  };
  const areaCode = optional(draft.areaCode);
  const locality = optional(draft.locality);
  const region = optional(draft.region);
  const contains = optional(draft.contains);
  if (areaCode) input.areaCode = areaCode;
  if (locality) input.locality = locality;
  if (region) input.region = region;
  if (contains) input.contains = contains;
  return input;
}
