/**
 * Whether the Twilio balance pays for a number: the purchase quote and the
 * number doctor's balance check ask the same question, so they share one
 * answer, compared exactly in micro-units.
 */
import { toMicros } from '../../../shared/money';

/** Whether the balance covers the monthly price; null when either is unknown. */
export function balanceCovers(balance: { amount: string } | null, price: { amount: string } | null): boolean | null {
  const balanceMicros = balance ? toMicros(balance.amount) : null;
  const priceMicros = price ? toMicros(price.amount) : null;
  return balanceMicros !== null && priceMicros !== null ? balanceMicros >= priceMicros : null;
}
