/**
 * messaging.twilio.com v1: Messaging Services (list, fetch, update) and the
 * phone numbers in their sender pools (list, add, fetch, remove). The
 * account is implied by the credentials: a service of any other account is
 * answered 404 / 20404, like one that does not exist.
 *
 * As on api.twilio.com, a form field the operation does not take is a
 * 400 / 20001 rather than ignored (see form-fields.ts).
 */
import {
  MembershipError,
  type FakeMessagingService,
  type FakeServiceNumber,
  type MembershipRefusal,
  type MessagingServiceChanges,
} from '../state';
import {
  created,
  defineRoute,
  invalidParameter,
  noContent,
  ok,
  resourceNotFound,
  TwilioApiError,
  type RouteContext,
  type TwilioRoute,
} from '../twilio-route';
import { MESSAGING_V1, messagingServiceJson, messagingServiceUrl, pageV1, servicePhoneNumberJson } from '../wire';
import {
  boolean,
  friendlyName,
  integer,
  method,
  nullableWebhook,
  oneOf,
  parseFields,
  rejectUnknownFields,
  requiredField,
  type FieldParser,
} from './form-fields';

/** The caller's service of this SID; 404 / 20404 for any other. */
function ownService(ctx: RouteContext, sid: string): FakeMessagingService {
  const service = ctx.state.getMessagingService(sid);
  if (service?.accountSid !== ctx.account.sid) throw resourceNotFound(ctx.host, ctx.path);
  return service;
}

// ----- update a service -----

type ServiceParser = FieldParser<MessagingServiceChanges>;

/** A service needs a name: "" is refused, unlike on a number. */
function serviceName(value: string, name: string): string {
  if (value === '') throw invalidParameter(name);
  return friendlyName(value, name);
}

/** UpdateService's fields, exactly as the spec's request body lists them. Unset URLs are null on a service. */
const SERVICE_FIELDS: Readonly<Record<string, ServiceParser>> = {
  FriendlyName: (v, n) => ({ friendlyName: serviceName(v, n) }),
  InboundRequestUrl: (v, n) => ({ inboundRequestUrl: nullableWebhook(v, n) }),
  InboundMethod: (v, n) => ({ inboundMethod: method(v, n) }),
  FallbackUrl: (v, n) => ({ fallbackUrl: nullableWebhook(v, n) }),
  FallbackMethod: (v, n) => ({ fallbackMethod: method(v, n) }),
  StatusCallback: (v, n) => ({ statusCallback: nullableWebhook(v, n) }),
  StickySender: (v, n) => ({ stickySender: boolean(v, n) }),
  MmsConverter: (v, n) => ({ mmsConverter: boolean(v, n) }),
  SmartEncoding: (v, n) => ({ smartEncoding: boolean(v, n) }),
  ScanMessageContent: (v, n) => ({ scanMessageContent: oneOf(['inherit', 'enable', 'disable'])(v, n) }),
  FallbackToLongCode: (v, n) => ({ fallbackToLongCode: boolean(v, n) }),
  AreaCodeGeomatch: (v, n) => ({ areaCodeGeomatch: boolean(v, n) }),
  // "Can be an integer from 1 to 36,000" (docs).
  ValidityPeriod: (v, n) => ({ validityPeriod: integer(1, 36_000)(v, n) }),
  SynchronousValidation: (v, n) => ({ synchronousValidation: boolean(v, n) }),
  // The use cases Twilio documents for a service.
  Usecase: (v, n) => ({
    usecase: oneOf(['notifications', 'marketing', 'verification', 'discussion', 'poll', 'undeclared'])(v, n),
  }),
  UseInboundWebhookOnNumber: (v, n) => ({ useInboundWebhookOnNumber: boolean(v, n) }),
};
const SERVICE_FIELD_NAMES: ReadonlySet<string> = new Set(Object.keys(SERVICE_FIELDS));

// ----- the sender pool -----

const PHONE_NUMBER_FIELDS: ReadonlySet<string> = new Set(['PhoneNumberSid']);

/** Twilio's answer to each reason a number cannot join a service. */
const REFUSALS: Record<MembershipRefusal, { status: number; code: number; message: string }> = {
  invalid_number: { status: 400, code: 21421, message: 'The provided PhoneNumberSid is invalid' },
  already_member: {
    status: 409,
    code: 21710,
    message: 'Phone Number or Short Code is already in the Messaging Service',
  },
  in_other_service: {
    status: 400,
    code: 21712,
    message: 'Phone Number is already associated with another Messaging Service',
  },
  not_messaging_capable: {
    status: 400,
    code: 21715,
    message: 'Phone Number Does Not Have Correct Messaging Service Capabilities',
  },
  pool_full: { status: 400, code: 21714, message: 'Messaging Service Number Pool size limit reached' },
};

function addNumber(ctx: RouteContext<'ServiceSid'>, service: FakeMessagingService, numberSid: string) {
  try {
    return ctx.state.addNumberToService(service.sid, numberSid);
  } catch (error) {
    if (!(error instanceof MembershipError)) throw error;
    const { status, code, message } = REFUSALS[error.refusal];
    throw new TwilioApiError(status, code, message);
  }
}

/** A member's resource; its number exists because a released number leaves its service. */
function memberJson(ctx: RouteContext, member: FakeServiceNumber) {
  const number = ctx.state.getIncomingNumber(member.numberSid);
  if (!number) throw new Error(`member ${member.numberSid} of ${member.serviceSid} has no phone number`);
  return servicePhoneNumberJson(member, number);
}

/** The member named in the path; 404 / 20404 when the number is not in this service. */
function ownMember(ctx: RouteContext<'ServiceSid' | 'Sid'>): FakeServiceNumber {
  const service = ownService(ctx, ctx.params.ServiceSid);
  const member = ctx.state.serviceNumber(service.sid, ctx.params.Sid);
  if (!member) throw resourceNotFound(ctx.host, ctx.path);
  return member;
}

export const messagingV1Routes: TwilioRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/Services/{Sid}',
    handler: (ctx) => ok(messagingServiceJson(ownService(ctx, ctx.params.Sid))),
  }),

  defineRoute({
    method: 'POST',
    path: '/v1/Services/{Sid}',
    handler: (ctx) => {
      const service = ownService(ctx, ctx.params.Sid);
      rejectUnknownFields(ctx.form, SERVICE_FIELD_NAMES);
      const changes = parseFields(ctx.form, SERVICE_FIELDS);
      return ok(messagingServiceJson(ctx.state.updateMessagingService(service.sid, changes)));
    },
  }),

  defineRoute({
    method: 'GET',
    path: '/v1/Services',
    handler: (ctx) => {
      const services = ctx.state.messagingServicesOf(ctx.account.sid).map(messagingServiceJson);
      return ok(pageV1('services', `${MESSAGING_V1}/Services`, ctx.query, services));
    },
  }),

  // The spec names the service {ServiceSid} below its own path.
  defineRoute({
    method: 'GET',
    path: '/v1/Services/{ServiceSid}/PhoneNumbers',
    handler: (ctx) => {
      const service = ownService(ctx, ctx.params.ServiceSid);
      const listUrl = `${messagingServiceUrl(service.sid)}/PhoneNumbers`;
      // Serialise only the page.
      const page = pageV1('phone_numbers', listUrl, ctx.query, ctx.state.serviceNumbersOf(service.sid));
      return ok({ ...page, phone_numbers: page.phone_numbers.map((member) => memberJson(ctx, member)) });
    },
  }),

  defineRoute({
    method: 'POST',
    path: '/v1/Services/{ServiceSid}/PhoneNumbers',
    handler: (ctx) => {
      const service = ownService(ctx, ctx.params.ServiceSid);
      rejectUnknownFields(ctx.form, PHONE_NUMBER_FIELDS);
      const numberSid = requiredField(ctx.form, 'PhoneNumberSid');
      return created(memberJson(ctx, addNumber(ctx, service, numberSid)));
    },
  }),

  defineRoute({
    method: 'GET',
    path: '/v1/Services/{ServiceSid}/PhoneNumbers/{Sid}',
    handler: (ctx) => ok(memberJson(ctx, ownMember(ctx))),
  }),

  defineRoute({
    method: 'DELETE',
    path: '/v1/Services/{ServiceSid}/PhoneNumbers/{Sid}',
    handler: (ctx) => {
      const member = ownMember(ctx);
      ctx.state.removeNumberFromService(member.serviceSid, member.numberSid);
      return noContent();
    },
  }),
];
