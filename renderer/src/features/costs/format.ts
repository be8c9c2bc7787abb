/** How months read on the Costs screen. */
import type { Month } from '../../../../shared/domain/costs';

const LONG_MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };

/**
 * "November 2026" by default. Months are calendar months in UTC, as Twilio
 * counts them, so they are read and written in UTC: local time would make
 * the first of the month the last day of the one before, west of Greenwich.
 */
export function formatMonth(month: Month, options: Intl.DateTimeFormatOptions = LONG_MONTH): string {
  const [year = Number.NaN, index = Number.NaN] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1, 1));
  return Number.isNaN(date.getTime()) ? month : date.toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}
