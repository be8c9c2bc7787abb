import { describe, expect, it } from 'vitest';
import {
  configurationFromValues,
  configurationFromWire,
  configurationValues,
  NUMBER_CONFIGURATION_FIELDS,
} from './number-configuration';

describe('number configuration fields', () => {
  it('reads every field from its wire name', () => {
    const wire = Object.fromEntries(NUMBER_CONFIGURATION_FIELDS.map(({ wire }) => [wire, `value of ${wire}`]));
    const configuration = configurationFromWire(wire);
    for (const { key, wire: name } of NUMBER_CONFIGURATION_FIELDS) expect(configuration[key]).toBe(`value of ${name}`);
    expect(Object.keys(configuration)).toHaveLength(NUMBER_CONFIGURATION_FIELDS.length);
  });

  it('treats missing and null fields as not set', () => {
    const configuration = configurationFromWire({ voice_url: null });
    expect(configurationValues(configuration)).toEqual(NUMBER_CONFIGURATION_FIELDS.map(() => ''));
  });

  it('lists the values in the order of the field table', () => {
    const wire = Object.fromEntries(NUMBER_CONFIGURATION_FIELDS.map(({ wire }) => [wire, wire]));
    expect(configurationValues(configurationFromWire(wire))).toEqual(
      NUMBER_CONFIGURATION_FIELDS.map(({ wire }) => wire),
    );
  });

  it('reads the values back in table order, from an offset, as configurationValues wrote them', () => {
    const wire = Object.fromEntries(NUMBER_CONFIGURATION_FIELDS.map(({ wire }) => [wire, `value of ${wire}`]));
    const configuration = configurationFromWire(wire);
    expect(configurationFromValues(configurationValues(configuration))).toEqual(configuration);
    expect(configurationFromValues(['sid', 7, ...configurationValues(configuration)], 2)).toEqual(configuration);
    expect(configurationFromValues([null], 0)).toEqual(configurationFromWire({}));
  });
});
