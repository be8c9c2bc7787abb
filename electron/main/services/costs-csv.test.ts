import { describe, expect, it } from 'vitest';
import type { NumberCosts } from '../../../shared/domain/costs';
import { costsCsv } from './costs-csv';

const row = (fields: Partial<NumberCosts>): NumberCosts => ({
  phoneNumber: '+13035550100',
  friendlyName: 'Front desk',
  released: false,
  agent: { id: 'a', name: 'Reception' },
  inboundCalls: 2,
  inboundMinutes: 3,
  outboundCalls: 1,
  outboundMinutes: 2,
  inboundMessages: 1,
  inboundSegments: 1,
  outboundMessages: 1,
  outboundSegments: 2,
  callsCostMicros: 53_500,
  smsCostMicros: 23_700,
  totalCostMicros: 77_200,
  unrated: 0,
  ...fields,
});

describe('costs CSV', () => {
  it('has a header and one CRLF-ended line per number, with exact amounts', () => {
    const lines = costsCsv('2026-11', 'USD', [row({})]).split('\r\n');
    expect(lines[0]).toBe(
      'Month,Phone number,Name,Agent,Still owned,Inbound calls,Inbound minutes,Outbound calls,Outbound minutes,' +
        'Inbound messages,Inbound segments,Outbound messages,Outbound segments,Calls cost,SMS cost,Total cost,' +
        'Not yet priced,Currency',
    );
    expect(lines[1]).toBe('2026-11,+13035550100,Front desk,Reception,yes,2,3,1,2,1,1,1,2,0.0535,0.0237,0.0772,0,USD');
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });

  it('quotes commas, quotes and line breaks, and defuses names that look like formulas', () => {
    const csv = costsCsv('2026-11', 'USD', [
      row({ friendlyName: 'Sales, "East"\nline', agent: null, released: true }),
      row({ friendlyName: '=HYPERLINK("http://evil")', agent: { id: 'b', name: '@SUM(A1)' } }),
    ]);
    const [, first, second] = csv.split('\r\n');
    expect(first).toContain(',"Sales, ""East""\nline",,no,');
    expect(second).toContain(`,"'=HYPERLINK(""http://evil"")",'@SUM(A1),yes,`);
    // Phone numbers keep their "+": they are not typed by people.
    expect(second?.startsWith('2026-11,+13035550100,')).toBe(true);
  });
});
