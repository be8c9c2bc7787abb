/** How a stored number is shown: its price and how its calls are routed today. */
import type { OwnedNumber, WebhookState } from '../../../shared/domain/numbers';
import type { NumberRecord } from '../db/numbers-repo';
import type { TwilioNumber } from '../twilio/numbers-api';
import { countryOfNumber, type PriceBook } from './price-book';

export function webhookStateOf(
  record: Pick<NumberRecord, 'voiceUrl' | 'smsUrl' | 'voiceApplicationSid' | 'smsApplicationSid' | 'trunkSid'>,
): WebhookState {
  // A TwiML App or SIP trunk silently wins over webhook URLs.
  if (record.voiceApplicationSid || record.smsApplicationSid || record.trunkSid) return 'override';
  if (record.voiceUrl || record.smsUrl) return 'external';
  return 'none';
}

export function toOwnedNumber(record: NumberRecord, prices: PriceBook): OwnedNumber {
  const isoCountry = record.isoCountry ?? countryOfNumber(record.phoneNumber);
  return {
    sid: record.sid,
    phoneNumber: record.phoneNumber,
    friendlyName: record.friendlyName,
    type: record.type,
    isoCountry,
    capabilities: record.capabilities,
    monthlyPrice: prices.priceOf(isoCountry, record.type),
    webhookState: webhookStateOf(record),
    dateCreated: record.dateCreated,
    syncedAt: record.syncedAt,
  };
}

/** The stored form of what Twilio said about a number. `isoCountry` only when known for sure (a purchase). */
export function toRecord(
  number: TwilioNumber,
  context: { accountSid: string; type: NumberRecord['type']; isoCountry: string | null; syncedAt: string },
): NumberRecord {
  return { ...number, ...context };
}
