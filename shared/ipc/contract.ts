/**
 * The one IPC contract between the renderer and main.
 *
 * Every channel is `domain:method`, takes one object and returns one value.
 * Main parses each input with the channel's schema before any handler runs
 * (unknown keys are rejected), and parses each output too, so a field that is
 * not declared here — an Auth Token, say — can never reach the renderer.
 * Handler, preload and renderer types are all derived from this object, so a
 * missing handler or a misspelt channel is a compile error.
 */
import { z } from 'zod';
import type { AppErrorData } from '../errors';
import {
  AccountSidSchema,
  AuthTokenSchema,
  MESSAGING_SERVICE_SID,
  MessagingServiceSidSchema,
} from '../domain/credentials';
import { ConnectionStatusSchema } from '../domain/connection';
import {
  ActivityEntrySchema,
  CountryCodeSchema,
  CountrySchema,
  E164Schema,
  NumberListSchema,
  NumberTypeSchema,
  OwnedNumberSchema,
  PurchaseQuoteSchema,
  SearchResultSchema,
  SyncResultSchema,
} from '../domain/numbers';
import type { Subscribe } from './events';

const NoInputSchema = z.object({}).strict();

/** Empty means "no Messaging Service"; anything else must be a well-formed MG SID. */
const OptionalMessagingServiceSidSchema = z
  .string()
  .max(256)
  .trim()
  .refine((value) => value === '' || MESSAGING_SERVICE_SID.pattern.test(value), {
    message: MESSAGING_SERVICE_SID.rule,
  });

export const ConnectInputSchema = z
  .object({
    accountSid: AccountSidSchema,
    authToken: AuthTokenSchema,
    messagingServiceSid: OptionalMessagingServiceSidSchema.optional(),
  })
  .strict();
export type ConnectInput = z.input<typeof ConnectInputSchema>;

export const SetMessagingServiceInputSchema = z
  .object({ messagingServiceSid: MessagingServiceSidSchema.nullable() })
  .strict();

export const SearchNumbersInputSchema = z
  .object({
    country: CountryCodeSchema,
    type: NumberTypeSchema,
    areaCode: z
      .string()
      .trim()
      .regex(/^(\d{3})?$/, { message: 'An area code has 3 digits.' })
      .optional(),
    contains: z
      .string()
      .trim()
      .max(16, { message: 'At most 16 characters.' })
      .regex(/^[0-9A-Za-z*]*$/, { message: 'Use digits, letters or * only.' })
      .optional(),
    locality: z.string().trim().max(64).optional(),
    region: z.string().trim().max(32).optional(),
    capabilities: z.object({ voice: z.boolean(), sms: z.boolean(), mms: z.boolean() }).strict(),
  })
  .strict();
export type SearchNumbersInput = z.input<typeof SearchNumbersInputSchema>;

const NumberToBuySchema = z
  .object({ phoneNumber: E164Schema, country: CountryCodeSchema, type: NumberTypeSchema })
  .strict();
export type NumberToBuy = z.input<typeof NumberToBuySchema>;

/** purchaseId: made once per confirmation, so a repeated call is the same purchase, not another. */
export const BuyNumberInputSchema = NumberToBuySchema.extend({ purchaseId: z.uuid() }).strict();
export type BuyNumberInput = z.input<typeof BuyNumberInputSchema>;

const NumberSidSchema = z.string().regex(/^PN[0-9a-fA-F]{32}$/, { message: 'Not a phone number SID.' });

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export const contract = {
  'connection:getStatus': { input: NoInputSchema, output: ConnectionStatusSchema },
  'connection:connect': { input: ConnectInputSchema, output: ConnectionStatusSchema },
  'connection:verify': { input: NoInputSchema, output: ConnectionStatusSchema },
  'connection:disconnect': { input: NoInputSchema, output: ConnectionStatusSchema },
  'connection:setMessagingService': { input: SetMessagingServiceInputSchema, output: ConnectionStatusSchema },
  'numbers:list': { input: NoInputSchema, output: NumberListSchema },
  'numbers:sync': { input: NoInputSchema, output: SyncResultSchema },
  'numbers:cancelSync': { input: NoInputSchema, output: z.object({ cancelled: z.boolean() }) },
  'numbers:countries': { input: NoInputSchema, output: z.object({ countries: z.array(CountrySchema) }) },
  'numbers:search': { input: SearchNumbersInputSchema, output: SearchResultSchema },
  'numbers:quote': { input: NumberToBuySchema, output: PurchaseQuoteSchema },
  'numbers:buy': { input: BuyNumberInputSchema, output: z.object({ number: OwnedNumberSchema }) },
  'numbers:release': {
    input: z.object({ sid: NumberSidSchema }).strict(),
    output: z.object({ alreadyReleased: z.boolean() }),
  },
  'numbers:activity': { input: NoInputSchema, output: z.object({ entries: z.array(ActivityEntrySchema) }) },
} as const satisfies Record<`${string}:${string}`, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What the renderer sends (before trimming and defaults). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a main handler receives (after parsing). */
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;

/** `window.gleam`: one function per channel, grouped by domain, answering envelopes; `on` for events. */
export type GleamBridge = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer M}` ? M : never]: (
      input: ChannelInput<C>,
    ) => Promise<Envelope<ChannelOutput<C>>>;
  };
} & { on: Subscribe };

/** The renderer's api: the same shape, answering values and throwing AppError. */
export type GleamApi = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer M}` ? M : never]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  };
} & { on: Subscribe };

/** Splits `domain:method`; used to build the nested bridge and api objects from CHANNELS. */
export function splitChannel(channel: Channel): [domain: Domain, method: string] {
  const [domain, method] = channel.split(':') as [Domain, string];
  return [domain, method];
}
