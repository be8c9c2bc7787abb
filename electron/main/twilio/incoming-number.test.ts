import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, incomingNumberResource, isoDateOf, numberOf } from './incoming-number';

/** Twilio's own date shape: "Mon, 16 Aug 2010 23:00:23 +0000". */
const twilioDate = (time: number) => new Date(time).toUTCString().replace('GMT', '+0000');

describe('isoDateOf', () => {
  it('reads every date Twilio writes as Date would, to the second', () => {
    const seconds = fc.integer({ min: Date.UTC(1970, 0, 1) / 1000, max: Date.UTC(2100, 11, 31, 23, 59, 59) / 1000 });
    fc.assert(
      fc.property(seconds, (second) => {
        const time = second * 1000;
        expect(isoDateOf(twilioDate(time))).toBe(new Date(time).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('knows leap days and month lengths, as Date does', () => {
    expect(isoDateOf('Thu, 29 Feb 2024 12:00:00 +0000')).toBe('2024-02-29T12:00:00.000Z');
    expect(isoDateOf('Sat, 29 Feb 2000 00:00:00 +0000')).toBe('2000-02-29T00:00:00.000Z');
    for (const impossible of [
      'Thu, 29 Feb 2023 12:00:00 +0000',
      'Mon, 29 Feb 1900 12:00:00 +0000',
      'Thu, 31 Apr 2026 08:30:00 +0000',
      'Sun, 00 Jan 2026 08:30:00 +0000',
    ]) {
      const asDate = new Date(impossible);
      expect(isoDateOf(impossible)).toBe(Number.isNaN(asDate.getTime()) ? null : asDate.toISOString());
    }
  });

  it('converts other offsets and shapes through Date, and answers null for no date', () => {
    expect(isoDateOf('Mon, 16 Aug 2010 23:00:23 +0200')).toBe('2010-08-16T21:00:23.000Z');
    expect(isoDateOf('Mon, 16 Aug 2010 23:00:23 GMT')).toBe('2010-08-16T23:00:23.000Z');
    expect(isoDateOf('Mon, 16 Aug 2010 24:00:00 +0000')).toBe(
      new Date('Mon, 16 Aug 2010 24:00:00 +0000').toISOString(),
    );
    expect(isoDateOf('not a date')).toBeNull();
    expect(isoDateOf('')).toBeNull();
    expect(isoDateOf(null)).toBeNull();
  });
});

describe('capabilitiesOf', () => {
  it('reads the flags in any of the cases Twilio uses, and only true counts', () => {
    expect(capabilitiesOf({ voice: true, sms: false, mms: true, fax: false })).toEqual({
      voice: true,
      sms: false,
      mms: true,
      fax: false,
    });
    expect(capabilitiesOf({ voice: true, SMS: true, MMS: false, Fax: true })).toEqual({
      voice: true,
      sms: true,
      mms: false,
      fax: true,
    });
    expect(capabilitiesOf({ voice: 'true', sms: 1 })).toEqual({ voice: false, sms: false, mms: false, fax: false });
    expect(capabilitiesOf(null)).toEqual({ voice: false, sms: false, mms: false, fax: false });
  });
});

describe('numberOf', () => {
  const resource = (phoneNumber: string, friendlyName: string | null) =>
    incomingNumberResource.parse({
      sid: `PN${'a'.repeat(32)}`,
      phone_number: phoneNumber,
      friendly_name: friendlyName,
      capabilities: { voice: true, sms: true, mms: false },
      date_created: 'Mon, 16 Aug 2010 23:00:23 +0000',
    });

  it('names a number Twilio sends without a friendly name as Twilio does: the number, formatted', () => {
    expect(numberOf(resource('+14155550100', null)).friendlyName).toBe('(415) 555-0100');
    expect(numberOf(resource('+442071838750', null)).friendlyName).toBe('+442071838750');
    expect(numberOf(resource('+14155550100', 'Front desk')).friendlyName).toBe('Front desk');
  });
});
