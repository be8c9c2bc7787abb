/**
 * pricing.twilio.com v1 PhoneNumbers: the monthly price of a number by
 * country and type, which the app shows before a purchase and the fake
 * charges on one.
 */
import { defineRoute, ok, resourceNotFound, type TwilioRoute } from '../twilio-route';
import { pageV1, phoneNumberCountryInstanceJson, phoneNumberCountryJson, PRICING_V1 } from '../wire';

export const pricingV1Routes: TwilioRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/PhoneNumbers/Countries',
    handler: (ctx) => {
      const countries = ctx.state.allPriceLists().map(phoneNumberCountryJson);
      return ok(pageV1('countries', `${PRICING_V1}/PhoneNumbers/Countries`, ctx.query, countries));
    },
  }),

  defineRoute({
    method: 'GET',
    path: '/v1/PhoneNumbers/Countries/{IsoCountry}',
    handler: (ctx) => {
      const list = ctx.state.priceList(ctx.params.IsoCountry.toUpperCase());
      if (!list) throw resourceNotFound(ctx.host, ctx.path);
      return ok(phoneNumberCountryInstanceJson(list));
    },
  }),
];
