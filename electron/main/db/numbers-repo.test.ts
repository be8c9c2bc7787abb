import { describe, expect, it } from 'vitest';
import { configurationFromWire, NUMBER_CONFIGURATION_FIELDS } from '../../../shared/domain/number-configuration';
import { fingerprintOf } from './numbers-repo';

const number = {
  sid: `PN${'a'.repeat(32)}`,
  accountSid: `AC${'1'.repeat(32)}`,
  phoneNumber: '+13035550100',
  friendlyName: 'Front desk',
  type: 'local' as const,
  capabilities: { voice: true, sms: true, mms: false, fax: false },
  configuration: configurationFromWire({}),
  dateCreated: '2026-01-01T00:00:00.000Z',
};

describe('number fingerprints', () => {
  it('change when any field Twilio reports changes', () => {
    const base = fingerprintOf(number);
    for (const { key } of NUMBER_CONFIGURATION_FIELDS) {
      expect(fingerprintOf({ ...number, configuration: { ...number.configuration, [key]: 'x' } }), key).not.toBe(base);
    }
    expect(fingerprintOf({ ...number, friendlyName: 'Other' })).not.toBe(base);
    expect(fingerprintOf({ ...number, type: 'mobile' })).not.toBe(base);
    expect(fingerprintOf({ ...number, capabilities: { ...number.capabilities, fax: true } })).not.toBe(base);
    expect(fingerprintOf({ ...number, dateCreated: null })).not.toBe(base);
  });

  it('do not run two fields together', () => {
    const shifted = { ...number.configuration, voiceUrl: 'ab', voiceMethod: '' };
    const other = { ...number.configuration, voiceUrl: 'a', voiceMethod: 'b' };
    expect(fingerprintOf({ ...number, configuration: shifted })).not.toBe(
      fingerprintOf({ ...number, configuration: other }),
    );
  });
});
