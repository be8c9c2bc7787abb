/**
 * A2P 10DLC registrations, read-only: brand registrations and the campaigns
 * of a Messaging Service on messaging.twilio.com v1, business profiles
 * (customer profiles) on trusthub.twilio.com v1. The account is implied by
 * the credentials: another account's brand, campaign or service is answered
 * 404 / 20404, like one that does not exist.
 *
 * The CustomerProfiles filters (Status, FriendlyName, PolicySid) match
 * exactly; a Status Trust Hub does not know is 400 / 20001, so a misspelt
 * filter fails a test instead of quietly listing everything.
 */
import { CustomerProfileStatusSchema } from '../control-schema';
import type { FakeMessagingService } from '../state';
import { defineRoute, ok, resourceNotFound, type RouteContext, type TwilioRoute } from '../twilio-route';
import {
  BRAND_REGISTRATIONS_URL,
  brandRegistrationJson,
  CUSTOMER_PROFILES_URL,
  customerProfileJson,
  pageV1,
  usAppToPersonJson,
  usAppToPersonListUrl,
} from '../wire';
import { oneOf } from './form-fields';

/** The caller's service of this SID; 404 / 20404 for any other. */
function ownService(ctx: RouteContext<'MessagingServiceSid'>): FakeMessagingService {
  const service = ctx.state.getMessagingService(ctx.params.MessagingServiceSid);
  if (service?.accountSid !== ctx.account.sid) throw resourceNotFound(ctx.host, ctx.path);
  return service;
}

/** A record of the caller's account; 404 / 20404 for another account's, as for a missing one. */
function owned<T extends { accountSid: string }>(ctx: RouteContext, record: T | undefined): T {
  if (record?.accountSid !== ctx.account.sid) throw resourceNotFound(ctx.host, ctx.path);
  return record;
}

const profileStatus = oneOf(CustomerProfileStatusSchema.options);

/** messaging.twilio.com v1 */
export const a2pMessagingRoutes: TwilioRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/a2p/BrandRegistrations',
    handler: (ctx) => {
      const brands = ctx.state.a2p.brandsOf(ctx.account.sid).map(brandRegistrationJson);
      return ok(pageV1('data', BRAND_REGISTRATIONS_URL, ctx.query, brands));
    },
  }),

  defineRoute({
    method: 'GET',
    path: '/v1/a2p/BrandRegistrations/{Sid}',
    handler: (ctx) => ok(brandRegistrationJson(owned(ctx, ctx.state.a2p.getBrand(ctx.params.Sid)))),
  }),

  // The spec names the service {MessagingServiceSid} on these paths.
  defineRoute({
    method: 'GET',
    path: '/v1/Services/{MessagingServiceSid}/Compliance/Usa2p',
    handler: (ctx) => {
      const service = ownService(ctx);
      const campaigns = ctx.state.a2p.campaignsOf(service.sid).map(usAppToPersonJson);
      return ok(pageV1('compliance', usAppToPersonListUrl(service.sid), ctx.query, campaigns));
    },
  }),

  defineRoute({
    method: 'GET',
    path: '/v1/Services/{MessagingServiceSid}/Compliance/Usa2p/{Sid}',
    handler: (ctx) => {
      const service = ownService(ctx);
      const campaign = ctx.state.a2p.getCampaign(ctx.params.Sid);
      if (campaign?.messagingServiceSid !== service.sid) throw resourceNotFound(ctx.host, ctx.path);
      return ok(usAppToPersonJson(campaign));
    },
  }),
];

/** trusthub.twilio.com v1 */
export const trustHubV1Routes: TwilioRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/CustomerProfiles',
    handler: (ctx) => {
      const { Status: status, FriendlyName: friendlyName, PolicySid: policySid } = ctx.query;
      const statusValue = status === undefined ? undefined : profileStatus(status, 'Status');
      const profiles = ctx.state.a2p
        .customerProfilesOf(ctx.account.sid)
        .filter(
          (profile) =>
            (statusValue === undefined || profile.status === statusValue) &&
            (friendlyName === undefined || profile.friendlyName === friendlyName) &&
            (policySid === undefined || profile.policySid === policySid),
        )
        .map(customerProfileJson);
      return ok(pageV1('results', CUSTOMER_PROFILES_URL, ctx.query, profiles));
    },
  }),
];
