/**
 * What the account spent, as twilio/usage-api.ts reads it from Twilio and
 * db/costs-repo.ts keeps it: never a caller's number, never a message body.
 * Costs are positive micro-units (shared/money.ts).
 */

export type RecordDirection = 'inbound' | 'outbound';

/** A call or a message, as the Costs screen needs it. */
export interface UsageEvent {
  sid: string;
  direction: RecordDirection;
  /** The account's side: the number called (inbound) or calling (outbound). */
  ourNumber: string;
  status: string;
  /** When the call started or the message was sent, ISO 8601 UTC. */
  at: string;
  /** Call: duration in seconds. Message: segments. */
  amount: number;
  /** Positive for a charge; null until Twilio has priced it. */
  costMicros: number | null;
  priceUnit: string | null;
}

export interface UsageRecord {
  category: string;
  /** YYYY-MM */
  month: string;
  count: string;
  usage: string;
  usageUnit: string;
  costMicros: number;
  priceUnit: string;
}
