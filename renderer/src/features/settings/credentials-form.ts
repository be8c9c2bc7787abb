/** Form rules for the Twilio Configuration fields, shared by the form and its tests. */
import { ACCOUNT_SID, AUTH_TOKEN, MESSAGING_SERVICE_SID, formatProblem } from '../../../../shared/domain/credentials';

export interface CredentialsDraft {
  accountSid: string;
  authToken: string;
  messagingServiceSid: string;
}

export type CredentialsErrors = Partial<Record<keyof CredentialsDraft, string>>;

export function checkField(field: keyof CredentialsDraft, value: string): string | null {
  switch (field) {
    case 'accountSid':
      return value.trim() === '' ? 'Enter your Account SID.' : formatProblem(ACCOUNT_SID, value);
    case 'authToken':
      return value.trim() === '' ? 'Enter your Auth Token.' : formatProblem(AUTH_TOKEN, value);
    case 'messagingServiceSid':
      return value.trim() === '' ? null : formatProblem(MESSAGING_SERVICE_SID, value);
  }
}

export function checkDraft(draft: CredentialsDraft): CredentialsErrors {
  const errors: CredentialsErrors = {};
  for (const field of Object.keys(draft) as (keyof CredentialsDraft)[]) {
    const problem = checkField(field, draft[field]);
    if (problem) errors[field] = problem;
  }
  return errors;
}
