import type { SetupStepId } from '../../../../shared/domain/setup';

/** Each step's name in the guide, and what the guide says once the app's state shows it done. */
export const SETUP_STEP_TEXT: Record<SetupStepId, { title: string; doneNote: string }> = {
  connect: {
    title: 'Connect your Twilio account',
    doneNote: 'Twilio is connected. Gleam uses your own account: your numbers, billed by Twilio to you.',
  },
  number: {
    title: 'Get a phone number',
    doneNote: 'Your account has a phone number in Gleam.',
  },
  agent: {
    title: 'Create your first agent',
    doneNote: 'You have an agent ready to answer.',
  },
  assign: {
    title: 'Give the number to the agent',
    doneNote: 'A number is set up on Twilio to reach its agent: calls to it are answered.',
  },
  messaging: {
    title: 'Texting and A2P 10DLC (optional)',
    doneNote: 'A Messaging Service is set. Check its A2P 10DLC registration below before texting US numbers.',
  },
};
