import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { ERROR_COPY } from '../../../shared/errors';
import { TwilioTransportError } from './request-client';
import { toAppError } from './twilio-errors';

const rest = (statusCode: number, body: Record<string, unknown> | null) =>
  new twilio.RestException({ statusCode, body: body === null ? '' : JSON.stringify(body) });

describe('toAppError', () => {
  it.each([
    [rest(401, { code: 20003, message: 'Authenticate' }), 'invalid_credentials'],
    [rest(401, null), 'invalid_credentials'],
    [rest(403, { code: 20403, message: 'Forbidden' }), 'account_inactive'],
    [rest(403, null), 'test_credentials'],
    [rest(400, { code: 10001, message: 'Account is not active' }), 'insufficient_funds'],
    [rest(400, { code: 20005, message: 'Account not active' }), 'insufficient_funds'],
    [rest(400, { code: 10002, message: 'Trial accounts do not support' }), 'trial_limit'],
    [rest(404, { code: 20404, message: 'Not found' }), 'not_found'],
    [rest(429, { code: 20429, message: 'Too Many Requests' }), 'rate_limited'],
    [rest(503, null), 'twilio_unavailable'],
    [rest(400, { code: 99999, message: 'Something new' }), 'twilio_rejected'],
    [rest(400, { code: 21421, message: 'PhoneNumber is invalid' }), 'number_invalid'],
    [rest(400, { code: 21422, message: 'PhoneNumber is not available' }), 'number_not_available'],
    [rest(400, { code: 21451, message: 'Invalid area code' }), 'invalid_area_code'],
    [rest(400, { code: 21452, message: 'No phone numbers found' }), 'no_numbers_in_area'],
    [new TwilioTransportError('offline', 'GET', 'https://api.twilio.com/x'), 'offline'],
    [new TwilioTransportError('timeout', 'GET', 'https://api.twilio.com/x'), 'twilio_unavailable'],
    [new TwilioTransportError('refused', 'GET', 'https://api.twilio.com/x'), 'twilio_unavailable'],
    [new Error('boom'), 'internal'],
  ])('maps %s to %s', (error, code) => {
    expect(toAppError(error).code).toBe(code);
  });

  it('gives invalid credentials the guide’s three hints', () => {
    const { data } = toAppError(rest(401, { code: 20003 }));
    expect(data.message).toBe('Invalid credentials');
    expect(data.hints).toHaveLength(3);
    expect(data.hints.join(' ')).toMatch(/AC/);
    expect(data.hints.join(' ')).toMatch(/whole Auth Token/);
    expect(data.hints.join(' ')).toMatch(/spaces/);
  });

  it('keeps Twilio’s own words for codes it does not know, with the docs link', () => {
    const { data } = toAppError(
      rest(400, { code: 99999, message: 'Something new', more_info: 'https://www.twilio.com/docs/errors/99999' }),
    );
    expect(data.hints[0]).toBe('Something new');
    expect(data.moreInfo).toBe('https://www.twilio.com/docs/errors/99999');
    expect(data.twilioCode).toBe(99999);
  });

  it('says a timeout is a timeout', () => {
    expect(toAppError(new TwilioTransportError('timeout', 'GET', 'u')).message).toBe('Twilio did not answer in time');
  });

  it('uses the words of a caller’s reason for a code when given', () => {
    const error = toAppError(rest(404, { code: 20404 }), { not_found: 'messaging_service_missing' });
    expect(error.data).toMatchObject({ code: 'not_found', reason: 'messaging_service_missing' });
    expect(error.message).toBe('That Messaging Service does not exist in this Twilio account');
    expect(error.data.hints).toEqual(ERROR_COPY.not_found.hints);
  });
});
