/**
 * The request pipeline of one Twilio host:
 *   read → record → global latency → queued fault → authenticate → route.
 * Requests are recorded before anything can reject them, so tests can assert
 * on what the app sent even when it was refused. Faults come before
 * authentication because they stand for the network and Twilio's edge,
 * which fail regardless of who is asking (a 429 is "never processed").
 * A latency, timeout or drop fault marked `afterCommit` instead lets the
 * request take effect and then delays, withholds or drops the answer: the
 * purchase went through but the app never heard back.
 */
import { STATUS_CODES, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { Lifecycle } from './lifecycle';
import {
  BodyTooLargeError,
  parseBasicAuth,
  parseFormBody,
  readBody,
  searchParamsToRecord,
  sendJson,
  type BasicCredentials,
} from './http-util';
import { RouteTable } from './router';
import type { Fault, FakeState } from './state';
import type { TwilioHost } from './twilio-hosts';
import {
  accountSuspended,
  authenticationFailed,
  resourceNotFound,
  TwilioApiError,
  type JsonReply,
  type TwilioRequest,
  type TwilioRoute,
} from './twilio-route';
import { twilioErrorJson } from './wire';

export interface TwilioHostOptions {
  host: TwilioHost;
  state: FakeState;
  routes: readonly TwilioRoute[];
  /** Added to every request before it is answered. */
  latencyMs: number;
  lifecycle: Lifecycle;
}

/** A fault that misbehaves only once the request has been performed. */
type AfterCommitFault = Extract<Fault, { kind: 'latency' | 'timeout' | 'drop' }>;

type FaultOutcome =
  | { kind: 'continue'; overwrite?: Record<string, unknown>; afterCommit?: AfterCommitFault }
  | { kind: 'reply'; reply: JsonReply }
  | { kind: 'no_answer' };

export function createTwilioHostListener(options: TwilioHostOptions): RequestListener {
  const table = new RouteTable(options.routes);
  return (req, res) => {
    void handle(options, table, req, res);
  };
}

async function handle(
  options: TwilioHostOptions,
  table: RouteTable<TwilioRoute>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { state, lifecycle } = options;
  let request: TwilioRequest;
  try {
    request = await readTwilioRequest(options.host, req);
  } catch (error) {
    // Too large, or the client went away mid-body: nothing worth recording.
    const status = error instanceof BodyTooLargeError ? 413 : 400;
    const message = error instanceof Error ? error.message : 'Unreadable request';
    if (!res.headersSent) sendJson(res, status, twilioErrorJson(status, 20000 + status, message));
    return;
  }

  const credentials = parseBasicAuth(req.headers.authorization);
  const record = state.recordRequest({ ...request, accountSid: credentials?.username ?? null });
  const respond = (reply: JsonReply) => {
    sendJson(res, reply.status, reply.body, reply.headers);
    state.completeRequest(record.id, reply.status);
  };

  try {
    await lifecycle.sleep(options.latencyMs);
    const fault = state.takeFault(request, record.id);
    const outcome: FaultOutcome = fault ? await applyFault(fault, req, lifecycle) : { kind: 'continue' };
    if (outcome.kind === 'no_answer') return;
    if (outcome.kind === 'reply') {
      respond(outcome.reply);
      return;
    }
    const reply = answer(state, table, request, credentials);
    if (outcome.afterCommit && !(await misbehaveAfterCommit(outcome.afterCommit, req, lifecycle))) return;
    respond(outcome.overwrite ? overwriteBody(reply, outcome.overwrite) : reply);
  } catch (error) {
    // An aborted latency wait: the fake is closing and the socket is already gone.
    if (lifecycle.closed) return;
    console.error('[fake-twilio] unexpected error', error);
    if (!res.headersSent) respond(errorReply(new TwilioApiError(500, 20500, 'Internal Server Error')));
  }
}

async function readTwilioRequest(host: TwilioHost, req: IncomingMessage): Promise<TwilioRequest> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  return {
    host,
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: searchParamsToRecord(url.searchParams),
    form: parseFormBody(req.headers['content-type'], body),
  };
}

function errorReply(error: TwilioApiError): JsonReply {
  return {
    status: error.status,
    body: twilioErrorJson(error.status, error.code, error.message),
    headers: error.headers,
  };
}

async function applyFault(fault: Fault, req: IncomingMessage, lifecycle: Lifecycle): Promise<FaultOutcome> {
  if ((fault.kind === 'latency' || fault.kind === 'timeout' || fault.kind === 'drop') && fault.afterCommit === true) {
    return { kind: 'continue', afterCommit: fault };
  }
  switch (fault.kind) {
    case 'latency':
      await lifecycle.sleep(fault.ms);
      return { kind: 'continue' };
    case 'status': {
      const message = fault.message ?? STATUS_CODES[fault.status] ?? 'Error';
      // Twilio's HTTP-level codes are 20000 + status (20500, 20503, 20429…).
      const error = new TwilioApiError(fault.status, fault.twilioCode ?? 20000 + fault.status, message);
      return { kind: 'reply', reply: errorReply(error) };
    }
    case 'rate_limit': {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      return { kind: 'reply', reply: errorReply(new TwilioApiError(429, 20429, 'Too Many Requests', headers)) };
    }
    case 'timeout':
      lifecycle.hold(req.socket);
      return { kind: 'no_answer' };
    case 'drop':
      req.socket.destroy();
      return { kind: 'no_answer' };
    case 'corrupt':
      return { kind: 'continue', overwrite: fault.fields };
  }
}

/** Applies an afterCommit fault to a request already performed; true when it should still be answered. */
async function misbehaveAfterCommit(
  fault: AfterCommitFault,
  req: IncomingMessage,
  lifecycle: Lifecycle,
): Promise<boolean> {
  switch (fault.kind) {
    case 'latency':
      await lifecycle.sleep(fault.ms);
      return true;
    case 'timeout':
      lifecycle.hold(req.socket);
      return false;
    case 'drop':
      req.socket.destroy();
      return false;
  }
}

function overwriteBody(reply: JsonReply, fields: Record<string, unknown>): JsonReply {
  const { body } = reply;
  if (reply.status >= 300 || typeof body !== 'object' || body === null || Array.isArray(body)) return reply;
  return { ...reply, body: { ...(body as Record<string, unknown>), ...fields } };
}

/** Authentication, routing and the handler; every refusal becomes Twilio's error body. */
function answer(
  state: FakeState,
  table: RouteTable<TwilioRoute>,
  request: TwilioRequest,
  credentials: BasicCredentials | null,
): JsonReply {
  try {
    const account = credentials ? state.authenticate(credentials.username, credentials.password) : undefined;
    if (!account) throw authenticationFailed();
    const match = table.match(request.method, request.path);
    if (match.kind === 'not_found') throw resourceNotFound(request.host, request.path);
    if (match.kind === 'method_not_allowed') throw new TwilioApiError(405, 20004, 'Method not allowed');
    if (account.status === 'suspended' && !match.route.allowSuspended) throw accountSuspended();
    return match.route.handler({ ...request, state, params: match.params, account });
  } catch (error) {
    if (error instanceof TwilioApiError) return errorReply(error);
    throw error;
  }
}
