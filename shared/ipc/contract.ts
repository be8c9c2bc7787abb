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
import { AppErrorDataSchema, type AppErrorData } from '../errors';
import {
  AccountSidSchema,
  AuthTokenSchema,
  MESSAGING_SERVICE_SID,
  MessagingServiceSidSchema,
} from '../domain/credentials';
import { ConnectionStatusSchema } from '../domain/connection';

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

export const EnvelopeErrorSchema = z.object({ ok: z.literal(false), error: AppErrorDataSchema });

export type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;
/** The shape of `window.gleam`: one function per channel, grouped by domain, answering envelopes. */
export type GleamBridge = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer M}` ? M : never]: (
      input: ChannelInput<C>,
    ) => Promise<Envelope<ChannelOutput<C>>>;
  };
};

/** The renderer's api: the same shape, answering values and throwing AppError. */
export type GleamApi = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer M}` ? M : never]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  };
};

/** Splits `domain:method`; used to build the nested bridge and api objects from CHANNELS. */
export function splitChannel(channel: Channel): [domain: Domain, method: string] {
  const [domain, method] = channel.split(':') as [Domain, string];
  return [domain, method];
}
