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
import type { Logger } from '../services/logger';
import type { SecretRedactor } from '../services/secret-redactor';
import { describeTwilioFailure, toAppError, type MessageOverrides } from './twilio-errors';
import { GleamRequestClient, type RetryPolicy } from './request-client';
import type { TwilioHostMap } from './hosts';

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

export interface TwilioAccountApi {
  fetchAccount(): Promise<TwilioAccountInfo>;
  fetchMessagingService(serviceSid: string): Promise<MessagingServiceInfo>;
}

export interface TwilioGateway {
  forAccount(credentials: TwilioCredentials): TwilioAccountApi;
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

  return {
    forAccount(credentials) {
      redactor.addCredentials(credentials.accountSid, credentials.authToken);
      const httpClient = new GleamRequestClient({
        hosts: options.hosts,
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        ...(options.sleep ? { sleep: options.sleep } : {}),
      });
      const client = twilio(credentials.accountSid, credentials.authToken, { httpClient });

      async function call<T>(operation: string, run: () => Promise<T>, overrides?: MessageOverrides): Promise<T> {
        try {
          return await run();
        } catch (error) {
          const failure = describeTwilioFailure(error);
          logger.warn('twilio request failed', {
            operation,
            kind: failure.kind,
            status: failure.status,
            twilioCode: failure.twilioCode,
            transport: failure.transport,
            detail: failure.kind === 'unexpected' ? String(error) : failure.twilioMessage,
          });
          throw toAppError(error, overrides);
        }
      }

      return {
        fetchAccount: () =>
          call('fetchAccount', async () => {
            const account = await client.api.v2010.accounts(credentials.accountSid).fetch();
            return {
              sid: account.sid,
              friendlyName: account.friendlyName,
              status: accountStatusOf(account.status),
              type: account.type === 'Trial' ? 'Trial' : 'Full',
              ownerAccountSid: account.ownerAccountSid || null,
            };
          }),

        fetchMessagingService: (serviceSid) =>
          call(
            'fetchMessagingService',
            async () => {
              const service = await client.messaging.v1.services(serviceSid).fetch();
              return { sid: service.sid, friendlyName: service.friendlyName };
            },
            { not_found: 'That Messaging Service does not exist in this Twilio account' },
          ),
      };
    },
  };
}
