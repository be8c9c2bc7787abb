/**
 * The door every IPC call passes through.
 *
 * Policy, in order: the sender must be our own window's main frame at one of
 * our own origins; the channel must be in the contract; the input must parse
 * with the channel's schema (unknown keys rejected). Only then does the
 * handler run. Its result is parsed with the output schema, so undeclared
 * fields never leave main. Every outcome is an envelope
 * `{ ok: true, value } | { ok: false, error }`: errors travel as data.
 * Unexpected exceptions are logged here with detail and answered as
 * `internal`, without the detail.
 */
import { z } from 'zod';
import { AppError, appError, reasonError } from '../../../shared/errors';
import {
  contract,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
  type Domain,
  type Envelope,
} from '../../../shared/ipc/contract';
import type { Logger } from '../infrastructure/logger';

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/**
 * The handlers of one domain's channels (`purchases:*`, …). The service that answers a domain exports them
 * beside itself, so a new channel touches the contract and that service; core.ts checks that together they
 * answer every channel.
 */
export type ChannelHandlers<D extends Domain> = Pick<Handlers, Extract<Channel, `${D}:${string}`>>;

/** Who sent an IPC message: the URL of the sending frame, and whether it is the top frame. */
export interface IpcSender {
  url: string;
  isMainFrame: boolean;
}

export interface IpcRegistry {
  invoke(sender: IpcSender, channel: string, rawInput: unknown): Promise<Envelope<unknown>>;
}

/**
 * `scheme://host` of a URL. Not `URL.origin`: for custom schemes such as
 * `app://gleam` that is the string "null", which would match any other
 * custom-scheme page.
 */
function schemeAndHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function createSenderCheck(trustedOrigins: readonly string[]): (sender: IpcSender) => boolean {
  const trusted = new Set(trustedOrigins.map((origin) => schemeAndHost(origin)));
  return (sender) => {
    const origin = schemeAndHost(sender.url);
    return sender.isMainFrame && origin !== null && trusted.has(origin);
  };
}

const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

/** Zod repeats offending key names in its messages: a megabyte-long key must not come back as a megabyte. */
const MAX_ERROR_TEXT = 200;
const bounded = (text: string) => (text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text);

function validationError(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = bounded(issue.path.length > 0 ? issue.path.map(String).join('.') : '_');
    fieldErrors[field] ??= bounded(issue.message);
  }
  return appError('validation', { fieldErrors });
}

export interface IpcRegistryOptions {
  handlers: Handlers;
  isTrustedSender: (sender: IpcSender) => boolean;
  logger: Logger;
}

export function createIpcRegistry({ handlers, isTrustedSender, logger }: IpcRegistryOptions): IpcRegistry {
  async function dispatch<C extends Channel>(channel: C, rawInput: unknown): Promise<ChannelOutput<C>> {
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const handler = handlers[channel] as (input: unknown) => unknown;
    const output = await handler(parsed.data);
    return spec.output.parse(output) as ChannelOutput<C>;
  }

  return {
    async invoke(sender, channel, rawInput) {
      if (!isTrustedSender(sender)) {
        logger.warn('ipc call from an untrusted sender refused', { channel: channel.slice(0, 100) });
        return { ok: false, error: appError('forbidden').data };
      }
      if (!isChannel(channel)) {
        return { ok: false, error: reasonError('unknown_request').data };
      }
      try {
        return { ok: true, value: await dispatch(channel, rawInput) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.data };
        logger.error('ipc handler failed', {
          channel,
          detail: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
        });
        return { ok: false, error: appError('internal').data };
      }
    },
  };
}
