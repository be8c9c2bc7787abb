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
    expect(lines[1]).toBe("2026-11,'+13035550100,Front desk,Reception,yes,2,3,1,2,1,1,1,2,0.0535,0.0237,0.0772,0,USD");
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
  });

  it('defuses every text cell that starts like a formula, whichever column it is in', () => {
    const csv = costsCsv('=1+1', '@USD', [
      // A phone number is text: a spreadsheet would read "+14155550100" as a formula (the number 14155550100).
      row({ phoneNumber: '+14155550100', friendlyName: '-2+3', agent: { id: 'a', name: '\tSUM(A1)' } }),
      row({ friendlyName: '\rcmd', agent: { id: 'b', name: '\n=cmd' } }),
    ]);
    const [, first, second] = csv.split('\r\n');
    expect(first).toBe("'=1+1,'+14155550100,'-2+3,'\tSUM(A1),yes,2,3,1,2,1,1,1,2,0.0535,0.0237,0.0772,0,'@USD");
    expect(second).toBe(`'=1+1,'+13035550100,"'\rcmd","'\n=cmd",yes,2,3,1,2,1,1,1,2,0.0535,0.0237,0.0772,0,'@USD`);
  });

  it('leaves numbers as numbers, negative amounts (refunds, credits) included', () => {
    const csv = costsCsv('2026-11', 'USD', [
      row({ callsCostMicros: -8_500, smsCostMicros: 0, totalCostMicros: -8_500, inboundMinutes: 0 }),
    ]);
    // Decided by column, not by content: "-0.0085" starts like a formula but is an amount.
    expect(csv.split('\r\n')[1]?.endsWith(',yes,2,0,1,2,1,1,1,2,-0.0085,0.00,-0.0085,0,USD')).toBe(true);
  });
});
