/**
 * The control API: JSON over HTTP on its own port, so tests can seed and
 * inspect a fake that runs in another process (Playwright fixtures may point
 * at one started with `npm run fake-twilio`). Inputs are validated with the
 * schemas in control-schema.ts; a bad input is a 400 whose `error` says what
 * is wrong, since the reader is a developer looking at a failing test.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  AccountPatchSchema,
  AccountSidSchema,
  BrandPatchSchema,
  CampaignPatchSchema,
  CustomerProfilePatchSchema,
  FaultInputSchema,
  OwnedNumberPatchSchema,
  RatingInputSchema,
  RequestFilterSchema,
  SeedAccountInputSchema,
  SeedAvailableNumbersInputSchema,
  SeedBrandRequestSchema,
  SeedCallsInputSchema,
  SeedCampaignRequestSchema,
  SeedCustomerProfileRequestSchema,
  SeedMessagesInputSchema,
  SeedMessagingServiceInputSchema,
  SeedOwnedNumberInputSchema,
  SeedOwnedNumbersInputSchema,
  SeedUsageRecordsInputSchema,
  ServiceNumberInputSchema,
  SetPricesInputSchema,
  type FakeTwilioHosts,
  type SeededAccount,
  type SeededBrand,
  type SeededCall,
  type SeededCampaign,
  type SeededCustomerProfile,
  type SeededMessage,
  type SeededMessagingService,
  type SeededNumber,
  type SeededRegistrationError,
  type SeededServiceNumber,
} from './control-schema';
import { BodyTooLargeError, readBody, searchParamsToRecord, sendJson } from './http-util';
import type { Lifecycle } from './lifecycle';
import { RouteTable } from './router';
import {
  FakeStateError,
  type FakeAccount,
  type FakeIncomingNumber,
  type FakeMessagingService,
  type FakeServiceNumber,
  type FakeState,
} from './state';
import type { JsonReply } from './twilio-route';
import type { FakeBrand, FakeCampaign, FakeCustomerProfile, FakeRegistrationError } from './a2p-state';
import type { FakeCall, FakeMessage } from './usage-state';

export interface ControlApiOptions {
  state: FakeState;
  lifecycle: Lifecycle;
  hosts: FakeTwilioHosts;
}

interface ControlContext extends ControlApiOptions {
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body; undefined when the body is empty. */
  body: unknown;
}

interface ControlRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  handler: (ctx: ControlContext) => JsonReply;
}

class ControlError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ControlError';
    this.status = status;
  }
}

const STATE_ERROR_STATUS = { invalid: 400, not_found: 404, conflict: 409 } as const;

const noContent: JsonReply = { status: 204, body: undefined };

function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ControlError(400, `Invalid ${what}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function seededAccount(account: FakeAccount): SeededAccount {
  return {
    sid: account.sid,
    authToken: account.authToken,
    friendlyName: account.friendlyName,
    status: account.status,
    type: account.type,
    ownerAccountSid: account.ownerAccountSid,
    balance: account.balance,
    currency: account.currency,
    dateCreated: account.dateCreated.toISOString(),
    dateUpdated: account.dateUpdated.toISOString(),
  };
}

export function seededMessagingService(service: FakeMessagingService): SeededMessagingService {
  return {
    sid: service.sid,
    accountSid: service.accountSid,
    friendlyName: service.friendlyName,
    inboundRequestUrl: service.inboundRequestUrl,
    fallbackUrl: service.fallbackUrl,
    statusCallback: service.statusCallback,
    useInboundWebhookOnNumber: service.useInboundWebhookOnNumber,
    usecase: service.usecase,
    usAppToPersonRegistered: service.usAppToPersonRegistered,
  };
}

export function seededServiceNumber(member: FakeServiceNumber, number: FakeIncomingNumber): SeededServiceNumber {
  return {
    serviceSid: member.serviceSid,
    numberSid: member.numberSid,
    phoneNumber: number.phoneNumber,
    dateCreated: member.dateCreated.toISOString(),
  };
}

function requireService(state: FakeState, sid: string): FakeMessagingService {
  const service = state.getMessagingService(sid);
  if (!service) throw new ControlError(404, `Messaging Service ${sid} does not exist`);
  return service;
}

export function seededNumber(number: FakeIncomingNumber): SeededNumber {
  return {
    sid: number.sid,
    accountSid: number.accountSid,
    phoneNumber: number.phoneNumber,
    friendlyName: number.friendlyName,
    type: number.type,
    capabilities: { ...number.capabilities },
    voiceUrl: number.voiceUrl,
    voiceMethod: number.voiceMethod,
    voiceFallbackUrl: number.voiceFallbackUrl,
    voiceFallbackMethod: number.voiceFallbackMethod,
    smsUrl: number.smsUrl,
    smsMethod: number.smsMethod,
    smsFallbackUrl: number.smsFallbackUrl,
    smsFallbackMethod: number.smsFallbackMethod,
    statusCallback: number.statusCallback,
    statusCallbackMethod: number.statusCallbackMethod,
    voiceApplicationSid: number.voiceApplicationSid,
    smsApplicationSid: number.smsApplicationSid,
    trunkSid: number.trunkSid,
    origin: number.origin,
    status: number.status,
    dateCreated: number.dateCreated.toISOString(),
    dateUpdated: number.dateUpdated.toISOString(),
  };
}

function seededCall(call: FakeCall): SeededCall {
  return {
    sid: call.sid,
    accountSid: call.accountSid,
    from: call.from,
    to: call.to,
    direction: call.direction,
    status: call.status,
    startTime: call.startTime.toISOString(),
    endTime: call.endTime.toISOString(),
    durationSeconds: call.duration,
    price: call.price,
    priceUnit: call.priceUnit,
    phoneNumberSid: call.phoneNumberSid,
    dateCreated: call.dateCreated.toISOString(),
    dateUpdated: call.dateUpdated.toISOString(),
  };
}

function seededMessage(message: FakeMessage): SeededMessage {
  return {
    sid: message.sid,
    accountSid: message.accountSid,
    from: message.from,
    to: message.to,
    direction: message.direction,
    status: message.status,
    dateSent: message.dateSent.toISOString(),
    numSegments: message.numSegments,
    price: message.price,
    priceUnit: message.priceUnit,
    messagingServiceSid: message.messagingServiceSid,
    body: message.body,
    dateCreated: message.dateCreated.toISOString(),
    dateUpdated: message.dateUpdated.toISOString(),
  };
}

const seededErrors = (errors: readonly FakeRegistrationError[]): SeededRegistrationError[] =>
  errors.map((error) => ({ code: error.code, description: error.description, fields: [...error.fields] }));

function seededBrand(brand: FakeBrand): SeededBrand {
  return {
    sid: brand.sid,
    accountSid: brand.accountSid,
    status: brand.status,
    brandType: brand.brandType,
    identityStatus: brand.identityStatus,
    failureReason: brand.failureReason,
    errors: seededErrors(brand.errors),
    tcrId: brand.tcrId,
    brandScore: brand.brandScore,
    customerProfileBundleSid: brand.customerProfileBundleSid,
    a2pProfileBundleSid: brand.a2pProfileBundleSid,
    dateCreated: brand.dateCreated.toISOString(),
    dateUpdated: brand.dateUpdated.toISOString(),
  };
}

function seededCampaign(campaign: FakeCampaign): SeededCampaign {
  return {
    sid: campaign.sid,
    accountSid: campaign.accountSid,
    messagingServiceSid: campaign.messagingServiceSid,
    brandRegistrationSid: campaign.brandRegistrationSid,
    status: campaign.status,
    campaignId: campaign.campaignId,
    useCase: campaign.useCase,
    description: campaign.description,
    errors: seededErrors(campaign.errors),
    dateCreated: campaign.dateCreated.toISOString(),
    dateUpdated: campaign.dateUpdated.toISOString(),
  };
}

function seededCustomerProfile(profile: FakeCustomerProfile): SeededCustomerProfile {
  return {
    sid: profile.sid,
    accountSid: profile.accountSid,
    friendlyName: profile.friendlyName,
    email: profile.email,
    policySid: profile.policySid,
    status: profile.status,
    errors: profile.errors.map((error) => ({ code: error.code })),
    validUntil: profile.validUntil?.toISOString() ?? null,
    dateCreated: profile.dateCreated.toISOString(),
    dateUpdated: profile.dateUpdated.toISOString(),
  };
}

/** A record the state found, or the control API's 404 naming what is missing. */
function requireFound<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw new ControlError(404, `${what} does not exist`);
  return record;
}

const OwnedNumbersQuerySchema = z.strictObject({ accountSid: AccountSidSchema });

const controlRoutes: ControlRoute[] = [
  { method: 'GET', path: '/hosts', handler: (ctx) => ({ status: 200, body: { hosts: ctx.hosts } }) },
  {
    method: 'POST',
    path: '/accounts',
    handler: (ctx) => {
      const input = parseInput(SeedAccountInputSchema, ctx.body ?? {}, 'account');
      return { status: 201, body: seededAccount(ctx.state.createAccount(input)) };
    },
  },
  {
    method: 'PATCH',
    path: '/accounts/{sid}',
    handler: (ctx) => {
      const patch = parseInput(AccountPatchSchema, ctx.body ?? {}, 'account patch');
      return { status: 200, body: seededAccount(ctx.state.updateAccount(ctx.params.sid ?? '', patch)) };
    },
  },
  {
    method: 'POST',
    path: '/messaging-services',
    handler: (ctx) => {
      const input = parseInput(SeedMessagingServiceInputSchema, ctx.body, 'messaging service');
      return { status: 201, body: seededMessagingService(ctx.state.createMessagingService(input)) };
    },
  },
  {
    method: 'GET',
    path: '/messaging-services/{sid}',
    handler: (ctx) => ({ status: 200, body: seededMessagingService(requireService(ctx.state, ctx.params.sid ?? '')) }),
  },
  {
    method: 'GET',
    path: '/messaging-services/{sid}/numbers',
    handler: (ctx) => {
      const service = requireService(ctx.state, ctx.params.sid ?? '');
      const numberSids = ctx.state.serviceNumbersOf(service.sid).map((member) => member.numberSid);
      return { status: 200, body: { numberSids } };
    },
  },
  {
    method: 'POST',
    path: '/messaging-services/{sid}/numbers',
    handler: (ctx) => {
      const { numberSid } = parseInput(ServiceNumberInputSchema, ctx.body, 'service number');
      // The API's own rules, refused with a FakeStateError (400 or 409) that says which.
      const member = ctx.state.addNumberToService(requireService(ctx.state, ctx.params.sid ?? '').sid, numberSid);
      const number = ctx.state.getIncomingNumber(numberSid);
      if (!number) throw new ControlError(500, `${numberSid} joined a service but does not exist`);
      return { status: 201, body: seededServiceNumber(member, number) };
    },
  },
  // Before /owned-numbers/{sid}, which would otherwise take "bulk" for a SID.
  {
    method: 'POST',
    path: '/owned-numbers/bulk',
    handler: (ctx) => {
      const input = parseInput(SeedOwnedNumbersInputSchema, ctx.body, 'owned numbers');
      // Only the count: echoing 10,000 numbers would cost more than creating them.
      return { status: 201, body: { count: ctx.state.seedOwnedNumbers(input).length } };
    },
  },
  {
    method: 'POST',
    path: '/owned-numbers',
    handler: (ctx) => {
      const input = parseInput(SeedOwnedNumberInputSchema, ctx.body, 'owned number');
      return { status: 201, body: seededNumber(ctx.state.seedOwnedNumber(input)) };
    },
  },
  {
    method: 'GET',
    path: '/owned-numbers',
    handler: (ctx) => {
      const { accountSid } = parseInput(OwnedNumbersQuerySchema, ctx.query, 'owned numbers query');
      if (!ctx.state.getAccount(accountSid)) throw new ControlError(404, `Account ${accountSid} does not exist`);
      return { status: 200, body: { numbers: ctx.state.incomingNumbersOf(accountSid).map(seededNumber) } };
    },
  },
  {
    method: 'PATCH',
    path: '/owned-numbers/{sid}',
    handler: (ctx) => {
      const patch = parseInput(OwnedNumberPatchSchema, ctx.body ?? {}, 'owned number patch');
      return { status: 200, body: seededNumber(ctx.state.patchOwnedNumber(ctx.params.sid ?? '', patch)) };
    },
  },
  {
    method: 'POST',
    path: '/available-numbers',
    handler: (ctx) => {
      const input = parseInput(SeedAvailableNumbersInputSchema, ctx.body, 'available numbers');
      return { status: 201, body: { count: ctx.state.addAvailableNumbers(input.country, input.type, input.numbers) } };
    },
  },
  {
    method: 'DELETE',
    path: '/available-numbers/{phoneNumber}',
    handler: (ctx) => {
      const phoneNumber = ctx.params.phoneNumber ?? '';
      if (!ctx.state.removeAvailableNumber(phoneNumber)) {
        throw new ControlError(404, `${phoneNumber} is not in the available-number inventory`);
      }
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/prices',
    handler: (ctx) => {
      ctx.state.setPrices(parseInput(SetPricesInputSchema, ctx.body, 'prices'));
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/calls',
    handler: (ctx) => {
      const input = parseInput(SeedCallsInputSchema, ctx.body, 'calls');
      return { status: 201, body: { sids: ctx.state.usage.seedCalls(input).map((call) => call.sid) } };
    },
  },
  {
    method: 'PATCH',
    path: '/calls/{sid}',
    handler: (ctx) => {
      const { price } = parseInput(RatingInputSchema, ctx.body, 'call rating');
      const sid = ctx.params.sid ?? '';
      return { status: 200, body: seededCall(requireFound(ctx.state.usage.rateCall(sid, price), `Call ${sid}`)) };
    },
  },
  {
    method: 'POST',
    path: '/messages',
    handler: (ctx) => {
      const input = parseInput(SeedMessagesInputSchema, ctx.body, 'messages');
      return { status: 201, body: { sids: ctx.state.usage.seedMessages(input).map((message) => message.sid) } };
    },
  },
  {
    method: 'PATCH',
    path: '/messages/{sid}',
    handler: (ctx) => {
      const { price } = parseInput(RatingInputSchema, ctx.body, 'message rating');
      const sid = ctx.params.sid ?? '';
      const message = requireFound(ctx.state.usage.rateMessage(sid, price), `Message ${sid}`);
      return { status: 200, body: seededMessage(message) };
    },
  },
  {
    method: 'POST',
    path: '/usage-records',
    handler: (ctx) => {
      ctx.state.usage.seedUsageRecords(parseInput(SeedUsageRecordsInputSchema, ctx.body, 'usage records'));
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/a2p/brands',
    handler: (ctx) => {
      const input = parseInput(SeedBrandRequestSchema, ctx.body, 'brand');
      return { status: 201, body: seededBrand(ctx.state.a2p.seedBrand(input)) };
    },
  },
  {
    method: 'PATCH',
    path: '/a2p/brands/{sid}',
    handler: (ctx) => {
      const patch = parseInput(BrandPatchSchema, ctx.body ?? {}, 'brand patch');
      const sid = ctx.params.sid ?? '';
      return { status: 200, body: seededBrand(requireFound(ctx.state.a2p.updateBrand(sid, patch), `Brand ${sid}`)) };
    },
  },
  {
    method: 'POST',
    path: '/a2p/campaigns',
    handler: (ctx) => {
      const input = parseInput(SeedCampaignRequestSchema, ctx.body, 'campaign');
      return { status: 201, body: seededCampaign(ctx.state.a2p.seedCampaign(input)) };
    },
  },
  {
    method: 'PATCH',
    path: '/a2p/campaigns/{sid}',
    handler: (ctx) => {
      const patch = parseInput(CampaignPatchSchema, ctx.body ?? {}, 'campaign patch');
      const sid = ctx.params.sid ?? '';
      const campaign = requireFound(ctx.state.a2p.updateCampaign(sid, patch), `Campaign ${sid}`);
      return { status: 200, body: seededCampaign(campaign) };
    },
  },
  {
    method: 'POST',
    path: '/a2p/customer-profiles',
    handler: (ctx) => {
      const input = parseInput(SeedCustomerProfileRequestSchema, ctx.body, 'customer profile');
      return { status: 201, body: seededCustomerProfile(ctx.state.a2p.seedCustomerProfile(input)) };
    },
  },
  {
    method: 'PATCH',
    path: '/a2p/customer-profiles/{sid}',
    handler: (ctx) => {
      const patch = parseInput(CustomerProfilePatchSchema, ctx.body ?? {}, 'customer profile patch');
      const sid = ctx.params.sid ?? '';
      const profile = requireFound(ctx.state.a2p.updateCustomerProfile(sid, patch), `Customer profile ${sid}`);
      return { status: 200, body: seededCustomerProfile(profile) };
    },
  },
  {
    method: 'GET',
    path: '/requests',
    handler: (ctx) => {
      const filter = parseInput(RequestFilterSchema, ctx.query, 'request filter');
      return { status: 200, body: { requests: ctx.state.requests(filter) } };
    },
  },
  {
    method: 'DELETE',
    path: '/requests',
    handler: (ctx) => {
      ctx.state.clearRequests();
      return noContent;
    },
  },
  { method: 'GET', path: '/faults', handler: (ctx) => ({ status: 200, body: { faults: ctx.state.faults() } }) },
  {
    method: 'POST',
    path: '/faults',
    handler: (ctx) => {
      const fault = ctx.state.addFault(parseInput(FaultInputSchema, ctx.body, 'fault'));
      return { status: 201, body: { id: fault.id } };
    },
  },
  {
    method: 'DELETE',
    path: '/faults',
    handler: (ctx) => {
      ctx.state.clearFaults();
      return noContent;
    },
  },
  {
    method: 'DELETE',
    path: '/faults/{id}',
    handler: (ctx) => {
      // An id that is gone (used up, or never made) needs no removing: the answer is the same.
      ctx.state.removeFault(Number(ctx.params.id));
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/reset',
    handler: (ctx) => {
      ctx.state.reset();
      // A request held by an earlier test's timeout fault must not outlive the reset.
      ctx.lifecycle.releaseHeld();
      return noContent;
    },
  },
];

const table = new RouteTable(controlRoutes);

export function createControlListener(options: ControlApiOptions): RequestListener {
  return (req, res) => {
    void handleControl(options, req, res);
  };
}

async function handleControl(options: ControlApiOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const reply = await answerControl(options, req);
    sendJson(res, reply.status, reply.body);
  } catch (error) {
    if (options.lifecycle.closed) return;
    const { status, message } = describeControlError(error);
    if (status === 500) console.error('[fake-twilio] control API error', error);
    if (!res.headersSent) sendJson(res, status, { error: message });
  }
}

async function answerControl(options: ControlApiOptions, req: IncomingMessage): Promise<JsonReply> {
  const text = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  const method = req.method ?? 'GET';
  const match = table.match(method, url.pathname);
  if (match.kind === 'not_found') throw new ControlError(404, `No control route ${method} ${url.pathname}`);
  if (match.kind === 'method_not_allowed') throw new ControlError(405, `${method} is not allowed on ${url.pathname}`);
  const context: ControlContext = {
    ...options,
    params: match.params,
    query: searchParamsToRecord(url.searchParams),
    body: parseJsonBody(text),
  };
  return match.route.handler(context);
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlError(400, 'The request body is not valid JSON');
  }
}

function describeControlError(error: unknown): { status: number; message: string } {
  if (error instanceof ControlError) return { status: error.status, message: error.message };
  if (error instanceof FakeStateError) return { status: STATE_ERROR_STATUS[error.kind], message: error.message };
  if (error instanceof BodyTooLargeError) return { status: 413, message: error.message };
  return { status: 500, message: error instanceof Error ? error.message : String(error) };
}
