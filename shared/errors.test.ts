import { describe, expect, it } from 'vitest';
import { appError, ERROR_COPY, errorLine, reasonError } from './errors';
import type { CredentialsUnreadable } from './domain/connection';

describe('reasons of the error catalogue', () => {
  it('keep their code, and its hints unless they have their own', () => {
    expect(reasonError('agent_gone').data).toEqual({
      code: 'not_found',
      reason: 'agent_gone',
      message: 'That agent no longer exists',
      hints: ERROR_COPY.not_found.hints,
    });
    expect(reasonError('number_already_owned').data).toMatchObject({
      code: 'number_not_available',
      hints: [],
      helpTopic: 'buying-numbers',
    });
  });

  it('word the facts they are given', () => {
    expect(
      reasonError({
        reason: 'balance_below_price',
        balance: { amount: '0.5', currency: 'USD' },
        price: { amount: '1.15', currency: 'USD' },
      }).message,
    ).toBe('Your Twilio balance ($0.50) is less than this number’s monthly price ($1.15)');
    expect(
      reasonError({
        reason: 'price_changed_since_confirmed',
        confirmed: null,
        current: { amount: '1.25', currency: 'USD' },
      }).message,
    ).toBe('The monthly price changed from unknown to $1.25 since you confirmed');
    expect(reasonError({ reason: 'credentials_unreadable', why: 'damaged-file' }).data).toMatchObject({
      code: 'not_connected',
      hints: [
        'The file holding your saved Twilio credentials is damaged, so Gleam cannot read it. Connecting again replaces it.',
        'To replace them, open Settings and connect your Twilio account again.',
      ],
    });
  });

  it('say why saved credentials could not be read, first of their hints', () => {
    const firstHint = (why: CredentialsUnreadable) =>
      reasonError({ reason: 'credentials_unreadable', why }).data.hints[0];
    expect(firstHint('decrypt-declined')).toBe(
      'Your computer’s secure storage did not decrypt the saved Auth Token (for example, the keychain is locked or access was declined). The credentials stay saved, and Gleam tries again the next time it needs them.',
    );
    expect(firstHint('no-secure-storage')).toBe(
      'Your computer’s secure storage is not available, so the Auth Token is kept only until you quit Gleam. You will need to enter it again next time.',
    );
    expect(firstHint('linux-unprotected')).toBe(
      'On Linux, Gleam cannot check that a system keyring (such as GNOME Keyring or KWallet) protects a saved Auth Token: without one, it would be saved under a key anyone can reproduce. So the Auth Token is kept only until you quit Gleam, and you will need to enter it again next time.',
    );
  });

  it('take extras from Twilio without losing their words', () => {
    expect(reasonError('twilio_timeout', { twilioCode: 1 }).data).toMatchObject({
      code: 'twilio_unavailable',
      message: 'Twilio did not answer in time',
      twilioCode: 1,
    });
  });
});

describe('an error in one line', () => {
  it('is its message, followed by Twilio’s explanation when Twilio refused', () => {
    expect(errorLine(appError('offline').data)).toBe('You appear to be offline');
    expect(errorLine(appError('twilio_rejected', { twilioCode: 21606, hints: ['Not a valid number.'] }).data)).toBe(
      'Twilio could not do this: Not a valid number.',
    );
    expect(errorLine(appError('twilio_rejected', { hints: ['Not a valid number.'] }).data)).toBe(
      'Twilio could not do this',
    );
  });
});
