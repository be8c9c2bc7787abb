/**
 * Messaging Service membership: a number with SMS assigned to an agent joins
 * the account's Messaging Service, and the service is told to use each
 * number's own SMS webhook (so texts reach the agent, not the service's URL).
 */
import twilio, { type Twilio } from 'twilio';
import type { MessagingServiceSettings } from '../domain/messaging-service';

export interface MessagingApi {
  /** The account's Messaging Services, at most `limit`. */
  listMessagingServices(limit: number): Promise<MessagingServiceSettings[]>;
  isNumberInService(serviceSid: string, numberSid: string): Promise<boolean>;
  /** The phone number SIDs (PN…) of every number in the service. */
  listServiceNumberSids(serviceSid: string): Promise<string[]>;
  addNumberToService(serviceSid: string, numberSid: string): Promise<void>;
  /** false when the number was not in the service (any more). */
  removeNumberFromService(serviceSid: string, numberSid: string): Promise<boolean>;
  useNumbersOwnSmsWebhooks(serviceSid: string): Promise<void>;
}

const isNotFound = (error: unknown) => error instanceof twilio.RestException && error.status === 404;

export function createMessagingApi(client: Twilio): MessagingApi {
  const services = client.messaging.v1.services;
  return {
    async listMessagingServices(limit) {
      const listed = await services.list({ limit, pageSize: Math.min(limit, 50) });
      return listed.map((service) => ({
        sid: service.sid,
        friendlyName: service.friendlyName,
        // Null on a service where it was never set, which reads as false: Twilio then uses the service's settings.
        usesNumbersOwnSmsWebhooks: service.useInboundWebhookOnNumber,
      }));
    },

    async isNumberInService(serviceSid, numberSid) {
      try {
        await services(serviceSid).phoneNumbers(numberSid).fetch();
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async listServiceNumberSids(serviceSid) {
      // list() follows every page; a service holds at most 400 numbers, so this is one request.
      const numbers = await services(serviceSid).phoneNumbers.list({ pageSize: 1000 });
      return numbers.map((number) => number.sid);
    },

    async addNumberToService(serviceSid, numberSid) {
      await services(serviceSid).phoneNumbers.create({ phoneNumberSid: numberSid });
    },

    async removeNumberFromService(serviceSid, numberSid) {
      try {
        return await services(serviceSid).phoneNumbers(numberSid).remove();
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async useNumbersOwnSmsWebhooks(serviceSid) {
      await services(serviceSid).update({ useInboundWebhookOnNumber: true });
    },
  };
}
