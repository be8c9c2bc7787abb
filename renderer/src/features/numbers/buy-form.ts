/**
 * The Buy Number search form: its draft, the same rules main's schema applies
 * (checked here first so a person sees which field to fix before anything is
 * sent), and the search input built from a valid draft.
 */
import type { NumberType } from '../../../../shared/domain/numbers';
import type { SearchNumbersInput } from '../../../../shared/ipc/contract';

export interface SearchDraft {
  country: string;
  type: NumberType;
  areaCode: string;
  locality: string;
  region: string;
  contains: string;
  voice: boolean;
  sms: boolean;
  mms: boolean;
}

export type SearchTextField = 'areaCode' | 'locality' | 'region' | 'contains';
export type SearchDraftErrors = Partial<Record<SearchTextField, string>>;

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

export function checkSearchField(field: SearchTextField, raw: string): string | null {
  const value = raw.trim();
  switch (field) {
    case 'areaCode':
      return value === '' || /^\d{3}$/.test(value) ? null : 'An area code has 3 digits, such as 415.';
    case 'contains':
      if (value.length > 16) return 'Use at most 16 characters.';
      return /^[0-9A-Za-z*]*$/.test(value) ? null : 'Use only digits, letters or * (any digit).';
    case 'locality':
      return value.length > 64 ? 'Use at most 64 characters.' : null;
    case 'region':
      return value.length > 32 ? 'Use at most 32 characters.' : null;
  }
}

const TEXT_FIELDS: SearchTextField[] = ['areaCode', 'locality', 'region', 'contains'];

export function checkSearchDraft(draft: SearchDraft): SearchDraftErrors {
  const errors: SearchDraftErrors = {};
  for (const field of TEXT_FIELDS) {
    const problem = checkSearchField(field, draft[field]);
    if (problem) errors[field] = problem;
  }
  return errors;
}

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
