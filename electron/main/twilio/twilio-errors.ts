/**
 * The one mapping from Twilio failures to app errors.
 *
 * Input is whatever the SDK or our request client threw; output is an
 * AppError built only from allow-listed fields (status, Twilio code, Twilio's
 * message, the more_info link), so no request data — and so no credential —
 * can travel on. Callers may name a reason of the error catalogue per code, for
 * its more specific words.
 */
import twilio from 'twilio';
import { appError, reasonError, type AppError, type ErrorCode, type ReasonOfCode } from '../../../shared/errors';
import { TwilioTransportError } from './request-client';

/** What the gateway keeps of a Twilio error. */
export interface TwilioFailure {
  kind: 'rest' | 'transport' | 'cancelled' | 'unexpected';
  status?: number;
  twilioCode?: number;
  twilioMessage?: string;
  moreInfo?: string;
  transport?: TwilioTransportError['failure'];
}

export function describeTwilioFailure(error: unknown): TwilioFailure {
  if (error instanceof twilio.RestException) {
    return {
      kind: 'rest',
      status: error.status,
      ...(typeof error.code === 'number' ? { twilioCode: error.code } : {}),
      ...(typeof error.message === 'string' ? { twilioMessage: error.message.slice(0, 500) } : {}),
      ...(typeof error.moreInfo === 'string' ? { moreInfo: error.moreInfo } : {}),
    };
  }
  if (error instanceof TwilioTransportError) return { kind: 'transport', transport: error.failure };
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
  return { kind: 'unexpected' };
}

const CODE_BY_TWILIO_CODE: Readonly<Record<number, ErrorCode>> = {
  20003: 'invalid_credentials',
  20403: 'account_inactive',
  10001: 'insufficient_funds',
  20005: 'insufficient_funds',
  10002: 'trial_limit',
  20404: 'not_found',
  20429: 'rate_limited',
  21421: 'number_invalid',
  21422: 'number_not_available',
  21451: 'invalid_area_code',
  21452: 'no_numbers_in_area',
};

function errorCodeOf(failure: TwilioFailure): ErrorCode {
  if (failure.kind === 'transport') return failure.transport === 'offline' ? 'offline' : 'twilio_unavailable';
  if (failure.kind === 'unexpected') return 'internal';
  if (failure.kind === 'cancelled') return 'cancelled';
  const byCode = failure.twilioCode === undefined ? undefined : CODE_BY_TWILIO_CODE[failure.twilioCode];
  if (byCode) return byCode;
  const status = failure.status ?? 0;
  if (status === 401) return 'invalid_credentials';
  // Twilio answers a bare 403 to test credentials on resources they cannot use.
  if (status === 403) return failure.twilioCode === undefined ? 'test_credentials' : 'account_inactive';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'twilio_unavailable';
  return 'twilio_rejected';
}

/** Per code, the reason whose words say what the code means for one operation. */
export type ReasonOverrides = { [C in ErrorCode]?: ReasonOfCode<C> };

export function toAppError(error: unknown, overrides: ReasonOverrides = {}): AppError {
  const failure = describeTwilioFailure(error);
  const code = errorCodeOf(failure);
  const reason = failure.transport === 'timeout' ? 'twilio_timeout' : overrides[code];
  const extras = {
    ...(failure.twilioCode !== undefined ? { twilioCode: failure.twilioCode } : {}),
    ...(failure.moreInfo ? { moreInfo: failure.moreInfo } : {}),
    ...(code === 'twilio_rejected' && failure.twilioMessage
      ? { hints: [failure.twilioMessage, ...appError('twilio_rejected').data.hints] }
      : {}),
  };
  return reason ? reasonError(reason, extras) : appError(code, extras);
}
