/**
 * The words of the A2P 10DLC section: the three steps, where each stands,
 * and what to do next, in plain language. Twilio's own terms (its status
 * words, field names) appear only as secondary detail.
 */
import { A2P_CONSOLE_PAGES, type RegistrationStage } from '../../../../shared/domain/a2p';

export type A2pStepId = 'profile' | 'brand' | 'campaign';

export interface A2pStepText {
  title: string;
  /** What one registration of this step is called, for counts ("3 brands"). */
  noun: string;
  explanation: string;
  /** What to do when nothing of this step exists yet. */
  start: string;
  console: { href: string; label: string };
}

export const A2P_STEPS: Readonly<Record<A2pStepId, A2pStepText>> = {
  profile: {
    title: 'Business profile',
    noun: 'business profile',
    explanation:
      'Your business’s details — legal name, address, tax ID (the EIN in the US) and a contact person — kept in Twilio’s Trust Hub. Twilio checks them before anything else.',
    start: 'Create your business profile in the Twilio Console.',
    console: { href: A2P_CONSOLE_PAGES.businessProfiles, label: 'Open business profiles in the Twilio Console' },
  },
  brand: {
    title: 'Brand',
    noun: 'brand',
    explanation:
      'Registers your business with The Campaign Registry, where US carriers look up who is sending texts. Twilio builds it from your business profile.',
    start: 'Register your brand in the Twilio Console once your business profile is approved.',
    console: { href: A2P_CONSOLE_PAGES.brands, label: 'Open brands in the Twilio Console' },
  },
  campaign: {
    title: 'Campaign',
    noun: 'campaign',
    explanation:
      'Says what your texts are for, such as appointment reminders or replies to customers, with sample messages. It is registered on your Messaging Service: once it is approved, the numbers in that service can text US numbers.',
    start: 'Register a campaign on your Messaging Service in the Twilio Console once your brand is approved.',
    console: { href: A2P_CONSOLE_PAGES.campaigns, label: 'Open campaigns in the Twilio Console' },
  },
};

/** A stage in a word or two, and what it means for the person. */
export const STAGE_TEXT: Readonly<Record<RegistrationStage, { label: string; next: string }>> = {
  draft: { label: 'Started, not submitted', next: 'Finish it in the Twilio Console and submit it for review.' },
  in_review: {
    label: 'In review',
    next: 'Twilio and the carriers are checking it. This usually takes one to two weeks; there is nothing to do meanwhile.',
  },
  approved: { label: 'Approved', next: 'Done — nothing to do.' },
  failed: {
    label: 'Not approved',
    next: 'Correct what Twilio found in the Twilio Console, then submit it again.',
  },
  suspended: {
    label: 'Suspended',
    next: 'Texts that rely on it are blocked. Ask Twilio support why, and what to change.',
  },
  withdrawn: {
    label: 'Withdrawn',
    next: 'It is being removed or has expired. Register again in the Twilio Console.',
  },
};

/** Twilio's capitalised words ("SOLE_PROPRIETOR", "MESSAGE_FLOW") as people write them. */
export const plainWords = (twilioWord: string): string => twilioWord.toLowerCase().replaceAll('_', ' ');

export const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
