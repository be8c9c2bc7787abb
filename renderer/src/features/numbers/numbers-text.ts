/**
 * How main's reason codes read on Phone Numbers: why the purchase dialog shows no balance, and what an activity
 * line says beside its outcome. Main answers codes and error data; the words are written here.
 */
import type { ActivityDetail, PurchaseQuote } from '../../../../shared/domain/numbers';
import { SUBACCOUNT_BALANCE } from '../costs/balance-text';

/** Why the dialog shows no balance: main says when it knows (a subaccount); otherwise Twilio did not answer. */
export function balanceMissingText(reason: PurchaseQuote['balanceUnknown']): string {
  return reason === 'subaccount' ? SUBACCOUNT_BALANCE : 'Gleam could not read it';
}

/** What an activity line says beside its outcome; a failure reads as its error's message. */
export function activityDetailText(detail: ActivityDetail | null): string {
  switch (detail?.reason) {
    case 'failed':
      return detail.error.message;
    case 'unexpected':
      return 'Unexpected error';
    case 'released-elsewhere':
      return 'It had already been released outside Gleam.';
    case undefined:
      return '';
  }
}
