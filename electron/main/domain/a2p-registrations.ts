/**
 * The A2P 10DLC registrations as Gleam keeps them: what twilio/a2p-api.ts
 * maps Twilio's business profiles, brands and campaigns to, and what
 * db/a2p-repo.ts saves and reads back.
 */
import type { RegistrationIssue } from '../../../shared/domain/a2p';

/** What every registration keeps. */
export interface RegistrationRecord {
  sid: string;
  /** Twilio's status word, as sent. */
  twilioStatus: string;
  issues: RegistrationIssue[];
  /** ISO; null when Twilio did not say. */
  updatedAt: string | null;
}

export interface BusinessProfileRecord extends RegistrationRecord {
  friendlyName: string;
  validUntil: string | null;
}

export interface BrandRecord extends RegistrationRecord {
  brandType: string | null;
  identityStatus: string | null;
  failureReason: string | null;
}

export interface CampaignRecord extends RegistrationRecord {
  useCase: string | null;
  brandSid: string | null;
}
