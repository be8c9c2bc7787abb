/** How a stored number is shown: its price and how its calls are routed today. */
import type { Assignment } from '../../../shared/domain/agents';
import type { NumberConfiguration } from '../../../shared/domain/number-configuration';
import type { OwnedNumber, WebhookState } from '../../../shared/domain/numbers';
import type { TwilioNumber } from '../domain/twilio-number';
import type { NumberRecord } from '../db/numbers-repo';
import { countryOfNumber, type PriceBook } from './price-book';

export function webhookStateOf(configuration: NumberConfiguration): WebhookState {
  // A TwiML App or SIP trunk silently wins over webhook URLs.
  if (configuration.voiceApplicationSid || configuration.smsApplicationSid || configuration.trunkSid) return 'override';
  if (configuration.voiceUrl || configuration.smsUrl) return 'external';
  return 'none';
}

export function toOwnedNumber(
  record: NumberRecord,
  prices: PriceBook,
  assignment: Assignment | null = null,
  inMessagingService: boolean | null = null,
): OwnedNumber {
  const isoCountry = record.isoCountry ?? countryOfNumber(record.phoneNumber);
  return {
    sid: record.sid,
    phoneNumber: record.phoneNumber,
    friendlyName: record.friendlyName,
    type: record.type,
    isoCountry,
    capabilities: record.capabilities,
    monthlyPrice: prices.priceOf(isoCountry, record.type),
    webhookState: webhookStateOf(record.configuration),
    assignment,
    inMessagingService,
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

/** What Twilio just said about a number already in the local copy, keeping what Twilio does not say (type, country). */
export function liveRecordOf(known: NumberRecord, live: TwilioNumber, syncedAt: string): NumberRecord {
  return toRecord(live, { accountSid: known.accountSid, type: known.type, isoCountry: known.isoCountry, syncedAt });
}
