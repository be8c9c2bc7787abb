import { describe, expect, it } from 'vitest';
import { formatMicros, formatMoney, fromMicros, toMicros } from './money';

describe('money', () => {
  it('parses Twilio decimal strings exactly', () => {
    expect(toMicros('1.15')).toBe(1_150_000);
    expect(toMicros('-0.0085')).toBe(-8_500);
    expect(toMicros('0.00790')).toBe(7_900);
    expect(toMicros('20')).toBe(20_000_000);
    expect(toMicros('0.0000005')).toBe(1);
    expect(toMicros('abc')).toBeNull();
    expect(toMicros('')).toBeNull();
  });

  it('sums without drifting by cents, unlike binary floats', () => {
    const amounts = Array.from({ length: 1000 }, () => '0.0085');
    const total = amounts.reduce((sum, amount) => sum + (toMicros(amount) ?? 0), 0);
    expect(fromMicros(total)).toBe('8.50');
    expect(amounts.reduce((sum, amount) => sum + Number(amount), 0)).not.toBe(8.5);
  });

  it('formats amounts for people', () => {
    expect(formatMoney('1.15', 'USD')).toBe('$1.15');
    expect(formatMoney('2.1', 'usd')).toBe('$2.10');
    expect(formatMoney('-0.0085', 'USD')).toBe('-$0.0085');
    expect(formatMoney('1', 'GBP')).toBe('£1.00');
    expect(formatMoney('3.5', 'CHF')).toBe('3.50 CHF');
  });

  it('formats micros as whole cents, a half cent rounded up', () => {
    expect(formatMicros(25_500, 'USD')).toBe('$0.03');
    expect(formatMicros(25_000, 'USD')).toBe('$0.03');
    expect(formatMicros(24_999, 'USD')).toBe('$0.02');
    expect(formatMicros(12_344_999, 'USD')).toBe('$12.34');
    expect(formatMicros(12_345_000, 'USD')).toBe('$12.35');
    expect(formatMicros(20_000_000, 'GBP')).toBe('£20.00');
    expect(formatMicros(0, 'USD')).toBe('$0.00');
    expect(formatMicros(1_150_000, 'CHF')).toBe('1.15 CHF');
  });

  it('groups digits as the reader’s locale does, and leaves exact text for exports ungrouped', () => {
    expect(formatMicros(2_876_150_000, 'USD', 'en-US')).toBe('$2,876.15');
    expect(formatMicros(-1_234_567_890_000, 'EUR', 'en-US')).toBe('-€1,234,567.89');
    expect(formatMoney('999.99', 'USD', 'en-US')).toBe('$999.99');
    expect(formatMoney('1000', 'USD', 'en-US')).toBe('$1,000.00');
    expect(formatMoney('12345.0085', 'GBP', 'en-GB')).toBe('£12,345.0085');
    expect(formatMoney('-4500.5', 'CHF', 'en-US')).toBe('-4,500.50 CHF');
    expect(formatMoney('2876.15', 'EUR', 'de-DE')).toBe('€2.876,15');
    expect(formatMoney('1234567.5', 'USD', 'en-IN')).toBe('$12,34,567.50');
    // Beyond what a float holds exactly, still every digit.
    expect(formatMicros(9_007_199_254_740_000, 'USD', 'en-US')).toBe('$9,007,199,254.74');
    expect(fromMicros(2_876_150_000)).toBe('2876.15');
  });

  it('keeps the sign of negative amounts, rounding their halves away from zero', () => {
    expect(formatMicros(-25_500, 'USD')).toBe('-$0.03');
    expect(formatMicros(-25_000, 'USD')).toBe('-$0.03');
    expect(formatMicros(-1_234_567, 'EUR')).toBe('-€1.23');
    expect(formatMicros(-4_999, 'USD')).toBe('$0.00');
    expect(formatMicros(-3_500_000, 'CHF')).toBe('-3.50 CHF');
  });
});
