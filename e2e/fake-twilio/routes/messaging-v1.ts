/**
 * messaging.twilio.com v1. The account is implied by the credentials: a
 * service of any other account is answered 404 / 20404, like one that does
 * not exist.
 */
import type { FakeMessagingService } from '../state';
import { defineRoute, ok, resourceNotFound, type RouteContext, type TwilioRoute } from '../twilio-route';
import { MESSAGING_V1, messagingServiceJson, pageV1 } from '../wire';

function ownService(ctx: RouteContext<'Sid'>): FakeMessagingService {
  const service = ctx.state.getMessagingService(ctx.params.Sid);
  if (service?.accountSid !== ctx.account.sid) throw resourceNotFound(ctx.host, ctx.path);
  return service;
}

export const messagingV1Routes: TwilioRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/Services/{Sid}',
    handler: (ctx) => ok(messagingServiceJson(ownService(ctx))),
  }),

  defineRoute({
    method: 'GET',
    path: '/v1/Services',
    handler: (ctx) => {
      const services = ctx.state.messagingServicesOf(ctx.account.sid).map(messagingServiceJson);
      return ok(pageV1('services', `${MESSAGING_V1}/Services`, ctx.query, services));
    },
  }),
];
