/**
 * The fake Twilio's data: accounts, Messaging Services, the request log and
 * queued faults. Plain in-memory objects with no HTTP in sight, so it can be
 * unit-tested and driven directly by tests that own the fake. Records are
 * replaced, never mutated in place, so a reference handed out stays a
 * consistent snapshot.
 */
import { randomBytes } from 'node:crypto';
import type {
  AccountPatch,
  AccountStatus,
  AccountType,
  FaultInput,
  RecordedRequest,
  RequestFilter,
  SeedAccountInput,
  SeedMessagingServiceInput,
} from './control-schema';
import type { TwilioHost } from './twilio-hosts';

export interface FakeAccount {
  readonly sid: string;
  readonly authToken: string;
  readonly friendlyName: string;
  readonly status: AccountStatus;
  readonly type: AccountType;
  /** Equals `sid` for a main account; the parent's SID for a subaccount. */
  readonly ownerAccountSid: string;
  readonly balance: string;
  readonly currency: string;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

export interface FakeMessagingService {
  readonly sid: string;
  readonly accountSid: string;
  readonly friendlyName: string;
  readonly inboundRequestUrl: string | null;
  readonly inboundMethod: 'GET' | 'POST';
  readonly fallbackUrl: string | null;
  readonly fallbackMethod: 'GET' | 'POST';
  readonly statusCallback: string | null;
  readonly stickySender: boolean;
  readonly mmsConverter: boolean;
  readonly smartEncoding: boolean;
  readonly scanMessageContent: 'inherit' | 'enable' | 'disable';
  readonly fallbackToLongCode: boolean;
  readonly areaCodeGeomatch: boolean;
  readonly synchronousValidation: boolean;
  readonly validityPeriod: number;
  readonly usecase: string;
  readonly usAppToPersonRegistered: boolean;
  readonly useInboundWebhookOnNumber: boolean;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

/** A queued fault: its input plus an id and how many more requests it will hit. */
export type Fault = FaultInput & { readonly id: number; readonly remaining: number };

/** What a fault is matched against. */
export interface RequestLine {
  host: TwilioHost;
  method: string;
  path: string;
}

export type FakeStateErrorKind = 'invalid' | 'not_found' | 'conflict';

/** A rejected state operation; the control API maps `kind` to 400/404/409. */
export class FakeStateError extends Error {
  readonly kind: FakeStateErrorKind;

  constructor(kind: FakeStateErrorKind, message: string) {
    super(message);
    this.name = 'FakeStateError';
    this.kind = kind;
  }
}

export interface FakeStateOptions {
  /** Clock for resource dates and the request log. */
  now?: () => Date;
}

const randomHex32 = () => randomBytes(16).toString('hex');
/** Twilio timestamps have whole seconds; keeping them that way makes both date formats round-trip. */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

export class FakeState {
  private readonly now: () => Date;
  private accounts = new Map<string, FakeAccount>();
  private services = new Map<string, FakeMessagingService>();
  private log: RecordedRequest[] = [];
  private queuedFaults: Fault[] = [];
  private nextRequestId = 1;
  private nextFaultId = 1;

  constructor(options: FakeStateOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  // ----- accounts -----

  createAccount(input: SeedAccountInput = {}): FakeAccount {
    const sid = input.sid ?? `AC${randomHex32()}`;
    if (this.accounts.has(sid)) throw new FakeStateError('conflict', `Account ${sid} already exists`);
    const ownerAccountSid = input.ownerAccountSid ?? sid;
    if (ownerAccountSid !== sid) this.requireMainAccount(ownerAccountSid);
    const created = wholeSeconds(this.now());
    const account: FakeAccount = {
      sid,
      authToken: input.authToken ?? randomHex32(),
      friendlyName: input.friendlyName ?? 'My first Twilio account',
      status: input.status ?? 'active',
      type: input.type ?? 'Full',
      ownerAccountSid,
      balance: input.balance ?? '20.00',
      currency: input.currency ?? 'USD',
      dateCreated: created,
      dateUpdated: created,
    };
    this.accounts.set(sid, account);
    return account;
  }

  updateAccount(sid: string, patch: AccountPatch): FakeAccount {
    const current = this.accounts.get(sid);
    if (!current) throw new FakeStateError('not_found', `Account ${sid} does not exist`);
    const updated: FakeAccount = {
      ...current,
      authToken: patch.authToken ?? current.authToken,
      friendlyName: patch.friendlyName ?? current.friendlyName,
      status: patch.status ?? current.status,
      type: patch.type ?? current.type,
      balance: patch.balance ?? current.balance,
      currency: patch.currency ?? current.currency,
      dateUpdated: wholeSeconds(this.now()),
    };
    this.accounts.set(sid, updated);
    return updated;
  }

  getAccount(sid: string): FakeAccount | undefined {
    return this.accounts.get(sid);
  }

  /** The account and its subaccounts, oldest first (Twilio's order for the Accounts list). */
  accountFamily(mainSid: string): FakeAccount[] {
    return [...this.accounts.values()].filter(
      (account) => account.sid === mainSid || account.ownerAccountSid === mainSid,
    );
  }

  /**
   * The account these credentials belong to, or undefined. Closed accounts
   * never authenticate: Twilio rejects their credentials outright.
   */
  authenticate(sid: string, authToken: string): FakeAccount | undefined {
    const account = this.accounts.get(sid);
    if (!account || account.authToken !== authToken || account.status === 'closed') return undefined;
    return account;
  }

  private requireMainAccount(sid: string): FakeAccount {
    const owner = this.accounts.get(sid);
    if (!owner) throw new FakeStateError('invalid', `Owner account ${sid} does not exist; seed it first`);
    if (owner.ownerAccountSid !== owner.sid) {
      throw new FakeStateError('invalid', `Account ${sid} is a subaccount; subaccounts cannot own subaccounts`);
    }
    return owner;
  }

  // ----- messaging services -----

  createMessagingService(input: SeedMessagingServiceInput): FakeMessagingService {
    if (!this.accounts.has(input.accountSid)) {
      throw new FakeStateError('invalid', `Account ${input.accountSid} does not exist; seed it first`);
    }
    const sid = input.sid ?? `MG${randomHex32()}`;
    if (this.services.has(sid)) throw new FakeStateError('conflict', `Messaging Service ${sid} already exists`);
    const created = wholeSeconds(this.now());
    // Defaults are those of a service created in the Twilio Console.
    const service: FakeMessagingService = {
      sid,
      accountSid: input.accountSid,
      friendlyName: input.friendlyName,
      inboundRequestUrl: input.inboundRequestUrl ?? null,
      inboundMethod: 'POST',
      fallbackUrl: input.fallbackUrl ?? null,
      fallbackMethod: 'POST',
      statusCallback: input.statusCallback ?? null,
      stickySender: true,
      mmsConverter: true,
      smartEncoding: true,
      scanMessageContent: 'inherit',
      fallbackToLongCode: false,
      areaCodeGeomatch: true,
      synchronousValidation: true,
      validityPeriod: 36000,
      usecase: input.usecase ?? 'undeclared',
      usAppToPersonRegistered: input.usAppToPersonRegistered ?? false,
      useInboundWebhookOnNumber: input.useInboundWebhookOnNumber ?? false,
      dateCreated: created,
      dateUpdated: created,
    };
    this.services.set(sid, service);
    return service;
  }

  getMessagingService(sid: string): FakeMessagingService | undefined {
    return this.services.get(sid);
  }

  messagingServicesOf(accountSid: string): FakeMessagingService[] {
    return [...this.services.values()].filter((service) => service.accountSid === accountSid);
  }

  // ----- request log -----

  recordRequest(request: Omit<RecordedRequest, 'id' | 'time' | 'status'>): RecordedRequest {
    const record: RecordedRequest = {
      id: this.nextRequestId++,
      time: this.now().toISOString(),
      ...request,
      status: null,
    };
    this.log.push(record);
    return { ...record };
  }

  completeRequest(id: number, status: number): void {
    const index = this.log.findIndex((record) => record.id === id);
    const record = this.log[index];
    if (record) this.log[index] = { ...record, status };
  }

  requests(filter: RequestFilter = {}): RecordedRequest[] {
    return this.log.filter((record) => requestMatches(record, filter)).map((record) => ({ ...record }));
  }

  clearRequests(): void {
    this.log = [];
  }

  // ----- faults -----

  addFault(input: FaultInput): Fault {
    const fault: Fault = { ...input, id: this.nextFaultId++, remaining: input.times ?? 1 };
    this.queuedFaults.push(fault);
    return fault;
  }

  /**
   * Consumes one use of the oldest queued fault that matches the request.
   * Only one fault applies per request, so faults compose in time (e.g. a
   * 429 then a 503 then success) rather than on top of each other.
   */
  takeFault(request: RequestLine): Fault | undefined {
    const index = this.queuedFaults.findIndex((fault) => faultMatches(fault, request));
    const fault = this.queuedFaults[index];
    if (!fault) return undefined;
    const remaining = fault.remaining - 1;
    if (remaining > 0) this.queuedFaults[index] = { ...fault, remaining };
    else this.queuedFaults.splice(index, 1);
    return { ...fault, remaining };
  }

  faults(): Fault[] {
    return [...this.queuedFaults];
  }

  clearFaults(): void {
    this.queuedFaults = [];
  }

  /** Back to a just-started fake. */
  reset(): void {
    this.accounts = new Map();
    this.services = new Map();
    this.log = [];
    this.queuedFaults = [];
    this.nextRequestId = 1;
    this.nextFaultId = 1;
  }
}

const sameMethod = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

function requestMatches(record: RecordedRequest, filter: RequestFilter): boolean {
  return (
    (filter.accountSid === undefined || record.accountSid === filter.accountSid) &&
    (filter.host === undefined || record.host === filter.host) &&
    (filter.method === undefined || sameMethod(record.method, filter.method)) &&
    (filter.pathIncludes === undefined || record.path.includes(filter.pathIncludes))
  );
}

function faultMatches(fault: Fault, request: RequestLine): boolean {
  const match = fault.match ?? {};
  return (
    (match.host === undefined || match.host === request.host) &&
    (match.method === undefined || sameMethod(match.method, request.method)) &&
    (match.pathIncludes === undefined || request.path.includes(match.pathIncludes))
  );
}
