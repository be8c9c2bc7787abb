/**
 * The only code that talks to Twilio.
 *
 * Each method returns plain domain values built field by field from the SDK's
 * answer (the Account resource includes the account's `auth_token`; it is
 * never copied), and every failure leaves as an AppError from
 * twilio-errors.ts, logged here without request data.
 */
import twilio from 'twilio';
import type { AccountStatus, AccountType } from '../../../shared/domain/connection';
import type { Logger } from '../infrastructure/logger';
import type { SecretRedactor } from '../infrastructure/secret-redactor';
import { createA2pApi, type A2pApi } from './a2p-api';
import { describeTwilioFailure, toAppError, type ReasonOverrides } from './twilio-errors';
import { GleamRequestClient, type RetryPolicy } from './request-client';
import type { TwilioHostMap } from './hosts';
import { createMessagingApi, type MessagingApi } from './messaging-api';
import { createNumbersApi, type NumbersApi } from './numbers-api';
import { createTwilioRest } from './rest';
import { createUsageApi, type UsageApi } from './usage-api';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

export interface TwilioAccountInfo {
  sid: string;
  friendlyName: string;
  status: AccountStatus;
  type: AccountType;
  ownerAccountSid: string | null;
}

export interface MessagingServiceInfo {
  sid: string;
  friendlyName: string;
}

export interface TwilioAccountApi extends NumbersApi, MessagingApi, UsageApi, A2pApi {
  fetchAccount(): Promise<TwilioAccountInfo>;
  fetchMessagingService(serviceSid: string): Promise<MessagingServiceInfo>;
}

export interface TwilioGateway {
  forAccount(credentials: TwilioCredentials): TwilioAccountApi;
  /**
   * Runs `listener` with whether Twilio answered, after every request (see GleamRequestClientOptions.onAnswer).
   * A subscription rather than an option: what listens (the reachability service) probes Twilio through the
   * connection, which uses this gateway, so it is made after the gateway.
   */
  onAnswer(listener: (answered: boolean) => void): void;
}

export interface TwilioGatewayOptions {
  hosts: TwilioHostMap;
  timeoutMs: number;
  retry: RetryPolicy;
  logger: Logger;
  redactor: SecretRedactor;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

const ACCOUNT_STATUSES: readonly AccountStatus[] = ['active', 'suspended', 'closed'];

function accountStatusOf(value: string): AccountStatus {
  // Twilio documents only these three; anything else cannot be used, so treat it as closed.
  return ACCOUNT_STATUSES.find((status) => status === value) ?? 'closed';
}

export function createTwilioGateway(options: TwilioGatewayOptions): TwilioGateway {
  const { logger, redactor } = options;
  // The last account's client is reused so its keep-alive connections are too.
  let latest: { key: string; api: TwilioAccountApi } | null = null;
  const answerListeners: ((answered: boolean) => void)[] = [];
  const reportAnswer = (answered: boolean) => {
    for (const listener of answerListeners) listener(answered);
  };

  return {
    forAccount(credentials) {
      const key = `${credentials.accountSid}:${credentials.authToken}`;
      if (latest?.key === key) return latest.api;
      redactor.addCredentials(credentials.accountSid, credentials.authToken);
      const httpClient = new GleamRequestClient({
        hosts: options.hosts,
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        onAnswer: reportAnswer,
      });
      // Empty, not absent: absent, the SDK takes TWILIO_REGION / TWILIO_EDGE from the environment and
      // rewrites every host with them ("evil.example/" turns api.twilio.com into api.evil.example), which
      // the request client would then refuse. '' holds (the SDK falls back with `??`) and leaves hosts as
      // they are; an empty `env` option would not do, as the SDK reads process.env after it.
      const client = twilio(credentials.accountSid, credentials.authToken, { httpClient, region: '', edge: '' });
      const rest = createTwilioRest(client);

      const api: TwilioAccountApi = {
        ...createNumbersApi(client, credentials.accountSid),
        ...createMessagingApi(client),
        ...createUsageApi(rest, credentials.accountSid),
        ...createA2pApi(rest),

        async fetchAccount() {
          const account = await client.api.v2010.accounts(credentials.accountSid).fetch();
          return {
            sid: account.sid,
            friendlyName: account.friendlyName,
            status: accountStatusOf(account.status),
            type: account.type === 'Trial' ? 'Trial' : 'Full',
            ownerAccountSid: account.ownerAccountSid || null,
          };
        },

        async fetchMessagingService(serviceSid) {
          const service = await client.messaging.v1.services(serviceSid).fetch();
          return { sid: service.sid, friendlyName: service.friendlyName };
        },
      };
      latest = { key, api: guard(api, { logger, overrides: REASON_OVERRIDES }) };
      return latest.api;
    },

    onAnswer(listener) {
      answerListeners.push(listener);
    },
  };
}

/** Friendlier words for a code, per operation: the catalogue's reason for what the code means there. */
const REASON_OVERRIDES: Partial<Record<keyof TwilioAccountApi, ReasonOverrides>> = {
  fetchMessagingService: { not_found: 'messaging_service_missing' },
  listCampaigns: { not_found: 'connected_service_missing' },
};

/**
 * Wraps every operation so that a failure leaves as an AppError from the one
 * mapping, logged here with allow-listed fields only.
 */
function guard<Api extends object>(
  api: Api,
  options: { logger: Logger; overrides: Partial<Record<keyof Api, ReasonOverrides>> },
): Api {
  const guarded = {} as Record<string, unknown>;
  for (const [operation, method] of Object.entries(api) as [keyof Api & string, unknown][]) {
    if (typeof method !== 'function') continue;
    guarded[operation] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        const failure = describeTwilioFailure(error);
        if (failure.kind !== 'cancelled') {
          options.logger.warn('twilio request failed', {
            operation,
            kind: failure.kind,
            status: failure.status,
            twilioCode: failure.twilioCode,
            transport: failure.transport,
            detail: failure.kind === 'unexpected' ? String(error) : failure.twilioMessage,
          });
        }
        throw toAppError(error, options.overrides[operation]);
      }
    };
  }
  return guarded as Api;
}
