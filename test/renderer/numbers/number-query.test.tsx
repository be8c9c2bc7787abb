import { describe, expect, it } from 'vitest';
import type { OwnedNumber } from '../../../shared/domain/numbers';
import {
  filterNumbers,
  indexNumbers,
  queryNumbers,
  sortNumbers,
  type NumberFilters,
} from '../../../renderer/src/features/numbers/number-query';
import { ownedNumber, THREE_NUMBERS } from './test-fixtures';

const ALL: NumberFilters = { text: '', type: 'any', capability: 'any', agent: 'any' };
const BY_NUMBER = { key: 'number', direction: 'ascending' } as const;
const phones = (numbers: OwnedNumber[]) => numbers.map((number) => number.phoneNumber);

describe('searching, filtering and sorting owned numbers', () => {
  it.each(['415', '(415)', '+1415', '415-555', '(415) 555-0100'])('finds the 415 number for "%s"', (text) => {
    expect(phones(queryNumbers(THREE_NUMBERS, { ...ALL, text }, BY_NUMBER))).toEqual(['+14155550100']);
  });

  it('reads "+…" as the start of the number and "(…)" as an area code', () => {
    const numbers = [ownedNumber(1, { phoneNumber: '+12125550415' }), ownedNumber(2, { phoneNumber: '+14155550100' })];
    expect(phones(queryNumbers(numbers, { ...ALL, text: '415' }, BY_NUMBER))).toEqual(['+12125550415', '+14155550100']);
    expect(phones(queryNumbers(numbers, { ...ALL, text: '(415)' }, BY_NUMBER))).toEqual(['+14155550100']);
    expect(phones(queryNumbers(numbers, { ...ALL, text: '+1415' }, BY_NUMBER))).toEqual(['+14155550100']);
  });

  it('matches friendly names regardless of case, and digits anywhere in the number', () => {
    expect(phones(queryNumbers(THREE_NUMBERS, { ...ALL, text: 'EMERGENCY' }, BY_NUMBER))).toEqual(['+12125550199']);
    expect(phones(queryNumbers(THREE_NUMBERS, { ...ALL, text: '0123' }, BY_NUMBER))).toEqual(['+18005550123']);
    expect(queryNumbers(THREE_NUMBERS, { ...ALL, text: '999' }, BY_NUMBER)).toEqual([]);
  });

  it('filters by type and by capability', () => {
    expect(phones(queryNumbers(THREE_NUMBERS, { ...ALL, type: 'toll-free' }, BY_NUMBER))).toEqual(['+18005550123']);
    expect(phones(queryNumbers(THREE_NUMBERS, { ...ALL, capability: 'mms' }, BY_NUMBER))).toEqual(['+12125550199']);
  });

  it('sorts both ways, keeping numbers without a price or date last', () => {
    const numbers = [
      ...THREE_NUMBERS,
      ownedNumber(9, { phoneNumber: '+16465550000', monthlyPrice: null, dateCreated: null }),
    ];
    const ascending = phones(queryNumbers(numbers, ALL, { key: 'price', direction: 'ascending' }));
    const descending = phones(queryNumbers(numbers, ALL, { key: 'price', direction: 'descending' }));
    expect(ascending).toEqual(['+12125550199', '+14155550100', '+18005550123', '+16465550000']);
    expect(descending).toEqual(['+18005550123', '+12125550199', '+14155550100', '+16465550000']);
    expect(phones(queryNumbers(numbers, ALL, { key: 'dateCreated', direction: 'descending' })).at(-1)).toBe(
      '+16465550000',
    );
    expect(phones(queryNumbers(numbers, ALL, { key: 'friendlyName', direction: 'ascending' }))[0]).toBe('+12125550199');
  });

  it('works over 10,000 numbers: the right rows, in order, quickly', () => {
    const numbers = Array.from({ length: 10_000 }, (_, index) =>
      ownedNumber(index, index === 4242 ? { friendlyName: 'Needle' } : {}),
    );
    const started = performance.now();
    const indexed = indexNumbers(numbers);
    const sorted = sortNumbers(indexed, { key: 'number', direction: 'descending' });
    const in415 = filterNumbers(sorted, { ...ALL, text: '(415)' });
    const containing415 = filterNumbers(sorted, { ...ALL, text: '415' });
    const startingPlus1415 = filterNumbers(sorted, { ...ALL, text: '+1415' });
    const needle = filterNumbers(sorted, { ...ALL, text: 'needle' });
    const tollFreeSms = filterNumbers(sorted, { ...ALL, type: 'toll-free', capability: 'sms' });
    const elapsed = performance.now() - started;

    expect(in415).toHaveLength(2_500);
    expect(in415.every((entry) => entry.number.phoneNumber.startsWith('+1415'))).toBe(true);
    expect(startingPlus1415).toEqual(in415);
    // Plain digits match anywhere in the number or the name: checked against the obvious slow way.
    const expected415 = numbers.filter(
      (number) => number.phoneNumber.includes('415') || number.friendlyName.includes('415'),
    );
    expect(containing415.length).toBeGreaterThan(2_500);
    expect(new Set(containing415.map((entry) => entry.number.sid))).toEqual(
      new Set(expected415.map((number) => number.sid)),
    );
    const digits = in415.map((entry) => entry.digits);
    expect(digits).toEqual([...digits].sort().reverse());
    expect(needle.map((entry) => entry.number.friendlyName)).toEqual(['Needle']);
    // Every fourth number is toll-free (index 3, 7, …) and every second has SMS: none are both.
    expect(tollFreeSms).toHaveLength(0);
    expect(filterNumbers(sorted, { ...ALL, type: 'toll-free' })).toHaveLength(2_500);
    // Generous, so a slow CI machine passes; a quadratic slip would not.
    expect(elapsed).toBeLessThan(1_000);
  });
});
