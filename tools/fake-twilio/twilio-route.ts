/**
 * What a route on a Twilio host gets and returns. Handlers run only after
 * authentication, so `account` is always the caller's (non-closed) account;
 * they answer with a JSON reply or throw a TwilioApiError, which the host
 * pipeline turns into Twilio's error body.
 */
import type { PathParams } from './router';
import type { FakeAccount, FakeState } from './state';
import type { TwilioHost } from './twilio-hosts';

export interface TwilioRequest {
  host: TwilioHost;
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
}

export interface RouteContext<Params extends string = string> extends TwilioRequest {
  state: FakeState;
  params: Record<Params, string>;
  /** The authenticated account. */
  account: FakeAccount;
}

export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface TwilioRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /**
   * Twilio lets a suspended account read its Account and Balance and little
   * else; every other route answers 403 / 20403 for a suspended account.
   * A route that must reject bad field names first (buy, update a number)
   * sets this too and checks suspension in its handler.
   */
  allowSuspended: boolean;
  handler: (ctx: RouteContext) => JsonReply;
}

/** Declares a route whose handler sees the template's parameters by name. */
export function defineRoute<Path extends string>(route: {
  method: TwilioRoute['method'];
  path: Path;
  allowSuspended?: boolean;
  handler: (ctx: RouteContext<PathParams<Path>>) => JsonReply;
}): TwilioRoute {
  return {
    method: route.method,
    path: route.path,
    allowSuspended: route.allowSuspended ?? false,
    // The route table fills in exactly the template's names, so the narrower params type holds.
    handler: route.handler,
  };
}

export const ok = (body: unknown): JsonReply => ({ status: 200, body });
export const created = (body: unknown): JsonReply => ({ status: 201, body });
export const noContent = (): JsonReply => ({ status: 204, body: undefined });

export class TwilioApiError extends Error {
  readonly status: number;
  readonly code: number;
  readonly headers: Record<string, string>;

  constructor(status: number, code: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'TwilioApiError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/**
 * Twilio names the missing resource by its path, without the version prefix
 * on the v1/v2 hosts ("/Services/MG…") but in full on 2010-04-01.
 */
export function resourceNotFound(host: TwilioHost, path: string): TwilioApiError {
  const shown = host === 'api.twilio.com' ? path : path.replace(/^\/v\d+(?=\/)/, '');
  return new TwilioApiError(404, 20404, `The requested resource ${shown} was not found`);
}

export function accountSuspended(): TwilioApiError {
  return new TwilioApiError(403, 20403, 'Forbidden: the account is suspended');
}

/** Twilio's answer to a parameter it does not take, or a value it cannot use. */
export function invalidParameter(name: string): TwilioApiError {
  return new TwilioApiError(400, 20001, `Invalid parameter: ${name}`);
}

export function authenticationFailed(): TwilioApiError {
  return new TwilioApiError(401, 20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
}
