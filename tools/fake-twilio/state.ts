/**
 * The fake Twilio's data: accounts, Messaging Services and the numbers in
 * them, owned phone numbers, the available-number inventory, number prices,
 * the request log and queued faults, plus the UsageStore (usage-state.ts)
 * of calls, messages and usage and the A2pStore (a2p-state.ts) of A2P 10DLC
 * registrations. Plain in-memory objects with no HTTP in sight, so it can be
 * unit-tested and driven directly by tests that own the fake. Records are
 * replaced, never mutated in place, so a reference handed out stays a
 * consistent snapshot.
 */
import { randomBytes } from 'node:crypto';
import type {
  AccountPatch,
  AccountStatus,
  AccountType,
  AvailableNumberInput,
  CapabilitiesInput,
  FaultInput,
  HttpMethod,
  NumberCapabilities,
  NumberType,
  OwnedNumberPatch,
  PriceNumberType,
  RecordedRequest,
  RequestFilter,
  SeedAccountInput,
  SeedMessagingServiceInput,
  SeedOwnedNumberInput,
  SeedOwnedNumbersInput,
  SetPricesInput,
} from './control-schema';
import { countryName, defaultInventory, defaultPriceLists } from './default-catalog';
import { friendlyPhoneNumber, isoCountryOf, isTollFree } from './phone-number-util';
import { byCreation, definedOnly, randomHex32, wholeSeconds } from './record-util';
import { A2pStore } from './a2p-state';
import { UsageStore } from './usage-state';
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

/** What can be set on a Messaging Service after it exists (the API's update). */
export type MessagingServiceChanges = Partial<
  Omit<FakeMessagingService, 'sid' | 'accountSid' | 'dateCreated' | 'dateUpdated'>
>;

/** A phone number in a Messaging Service's sender pool: the membership, not the number. */
export interface FakeServiceNumber {
  readonly serviceSid: string;
  /** The PN SID of the owned number. */
  readonly numberSid: string;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

/** "By default, a Messaging Service can contain up to a total of 400 Twilio phone numbers and short codes." */
export const MAX_SERVICE_SENDERS = 400;

/** Why a number cannot join a Messaging Service; each has its own Twilio error. */
export type MembershipRefusal =
  /** Not a number the service's account owns (21421). */
  | 'invalid_number'
  /** Already in this service (21710). */
  | 'already_member'
  /** In another service; a number is in at most one (21712). */
  | 'in_other_service'
  /** Neither SMS nor MMS (21715). */
  | 'not_messaging_capable'
  /** The service has MAX_SERVICE_SENDERS senders (21714). */
  | 'pool_full';

const REFUSAL_KIND: Record<MembershipRefusal, FakeStateErrorKind> = {
  invalid_number: 'invalid',
  already_member: 'conflict',
  in_other_service: 'conflict',
  not_messaging_capable: 'invalid',
  pool_full: 'conflict',
};

export type AddressRequirement = 'none' | 'any' | 'local' | 'foreign';
export type EmergencyAddressStatus =
  | 'registered'
  | 'unregistered'
  | 'pending-registration'
  | 'registration-failure'
  | 'pending-unregistration'
  | 'unregistration-failure';

/** An IncomingPhoneNumber: a number an account owns. Unset webhooks are "", as Twilio stores them. */
export interface FakeIncomingNumber {
  readonly sid: string;
  readonly accountSid: string;
  readonly phoneNumber: string;
  /** ISO 3166-1 alpha-2; null when the fake cannot tell. */
  readonly isoCountry: string | null;
  readonly friendlyName: string;
  readonly type: NumberType;
  readonly capabilities: NumberCapabilities;
  readonly voiceUrl: string;
  readonly voiceMethod: HttpMethod;
  readonly voiceFallbackUrl: string;
  readonly voiceFallbackMethod: HttpMethod;
  readonly smsUrl: string;
  readonly smsMethod: HttpMethod;
  readonly smsFallbackUrl: string;
  readonly smsFallbackMethod: HttpMethod;
  readonly statusCallback: string;
  readonly statusCallbackMethod: HttpMethod;
  readonly voiceApplicationSid: string | null;
  readonly smsApplicationSid: string | null;
  readonly trunkSid: string | null;
  readonly apiVersion: string;
  readonly voiceCallerIdLookup: boolean;
  readonly voiceReceiveMode: 'voice' | 'fax';
  readonly emergencyStatus: 'Active' | 'Inactive';
  readonly emergencyAddressSid: string | null;
  readonly emergencyAddressStatus: EmergencyAddressStatus;
  readonly addressSid: string | null;
  readonly identitySid: string | null;
  readonly bundleSid: string | null;
  readonly addressRequirements: AddressRequirement;
  readonly beta: boolean;
  readonly origin: 'twilio' | 'hosted';
  readonly status: string;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

/** What can be set on an owned number after it exists (the API's update, or a fixture). */
export type IncomingNumberChanges = Partial<
  Omit<FakeIncomingNumber, 'sid' | 'phoneNumber' | 'isoCountry' | 'type' | 'origin' | 'dateCreated' | 'dateUpdated'>
>;

export interface NewIncomingNumber extends IncomingNumberChanges {
  accountSid: string;
  phoneNumber: string;
  type: NumberType;
  /** Told by the phone number when absent. */
  isoCountry?: string | null;
}

/** A number in the inventory, for sale to any account. */
export interface FakeAvailableNumber {
  readonly phoneNumber: string;
  readonly isoCountry: string;
  readonly type: NumberType;
  readonly locality: string | null;
  readonly region: string | null;
  readonly postalCode: string | null;
  readonly lata: string | null;
  readonly rateCenter: string | null;
  /** Decimal strings, as Twilio sends them. */
  readonly latitude: string | null;
  readonly longitude: string | null;
  readonly addressRequirements: AddressRequirement;
  readonly beta: boolean;
  readonly capabilities: NumberCapabilities;
}

export interface FakeNumberPrice {
  readonly numberType: PriceNumberType;
  readonly basePrice: string;
  readonly currentPrice: string;
}

/** One country's monthly number prices (Pricing v1 PhoneNumbers/Countries/{IsoCountry}). */
export interface FakePriceList {
  readonly isoCountry: string;
  readonly country: string;
  readonly priceUnit: string;
  readonly prices: readonly FakeNumberPrice[];
}

/** An account's owned numbers; the list order is computed only when they changed. */
interface AccountNumbers {
  sids: Set<string>;
  sorted: string[] | undefined;
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

/** A number refused by a Messaging Service; the Messaging API maps `refusal` to Twilio's error. */
export class MembershipError extends FakeStateError {
  readonly refusal: MembershipRefusal;

  constructor(refusal: MembershipRefusal, message: string) {
    super(REFUSAL_KIND[refusal], message);
    this.name = 'MembershipError';
    this.refusal = refusal;
  }
}

export interface FakeStateOptions {
  /** Clock for resource dates and the request log. */
  now?: () => Date;
}

/** What most US local numbers can do; fixtures name only what differs. */
export function capabilitiesFrom(input: CapabilitiesInput = {}): NumberCapabilities {
  return { voice: input.voice ?? true, sms: input.sms ?? true, mms: input.mms ?? true, fax: input.fax ?? false };
}

export class FakeState {
  private readonly now: () => Date;
  private accounts = new Map<string, FakeAccount>();
  private services = new Map<string, FakeMessagingService>();
  /** Service SID → its numbers by PN SID, in the order they joined. */
  private serviceNumbers = new Map<string, Map<string, FakeServiceNumber>>();
  /** PN SID → the one service it is in. */
  private serviceByNumber = new Map<string, string>();
  private numbers = new Map<string, FakeIncomingNumber>();
  private numbersByAccount = new Map<string, AccountNumbers>();
  /** Phone number → SID of the owned number that holds it; one owner per number. */
  private ownerByPhoneNumber = new Map<string, string>();
  /** Next index per area code for bulk-seeded numbers, so repeated seeding never rescans. */
  private bulkIndexByAreaCode = new Map<string, number>();
  private inventory = inventoryOf(defaultInventory());
  private priceLists = priceListsOf(defaultPriceLists());
  private log: RecordedRequest[] = [];
  private queuedFaults: Fault[] = [];
  private nextRequestId = 1;
  private nextFaultId = 1;

  /** Calls, messages and usage: the Costs screen's data, in a store of their own. */
  readonly usage = new UsageStore({
    now: () => this.now(),
    requireAccount: (sid) => this.requireSeededAccount(sid),
    ownedNumberSid: (accountSid, phoneNumber) => {
      const sid = this.ownerByPhoneNumber.get(phoneNumber);
      return sid !== undefined && this.numbers.get(sid)?.accountSid === accountSid ? sid : null;
    },
  });

  /** Business profiles, brands and campaigns: the A2P 10DLC section's data. */
  readonly a2p = new A2pStore({
    now: () => this.now(),
    requireAccount: (sid) => this.requireSeededAccount(sid),
    requireServiceOf: (accountSid, serviceSid) => {
      if (this.services.get(serviceSid)?.accountSid !== accountSid) {
        throw new FakeStateError('invalid', `Messaging Service ${serviceSid} of account ${accountSid} does not exist`);
      }
    },
  });

  constructor(options: FakeStateOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  /** A fixture's records need their account to exist. */
  private requireSeededAccount(sid: string): void {
    if (!this.accounts.has(sid)) throw new FakeStateError('invalid', `Account ${sid} does not exist; seed it first`);
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

  updateMessagingService(sid: string, changes: MessagingServiceChanges): FakeMessagingService {
    const current = this.services.get(sid);
    if (!current) throw new FakeStateError('not_found', `Messaging Service ${sid} does not exist`);
    const updated: FakeMessagingService = {
      ...current,
      ...definedOnly(changes),
      dateUpdated: wholeSeconds(this.now()),
    };
    this.services.set(sid, updated);
    return updated;
  }

  // ----- numbers in messaging services -----

  /**
   * Puts an owned number in a service's sender pool, with Twilio's rules in
   * this order: the number must be one the service's account owns, not
   * already in this or another service, able to send SMS or MMS, and the
   * pool must have room.
   */
  addNumberToService(serviceSid: string, numberSid: string): FakeServiceNumber {
    const service = this.services.get(serviceSid);
    if (!service) throw new FakeStateError('not_found', `Messaging Service ${serviceSid} does not exist`);
    const number = this.numbers.get(numberSid);
    if (number?.accountSid !== service.accountSid) {
      throw new MembershipError(
        'invalid_number',
        `${numberSid} is not a phone number of account ${service.accountSid}, which owns ${serviceSid}`,
      );
    }
    const current = this.serviceByNumber.get(numberSid);
    if (current === serviceSid) {
      throw new MembershipError('already_member', `${numberSid} is already in Messaging Service ${serviceSid}`);
    }
    if (current !== undefined) {
      throw new MembershipError('in_other_service', `${numberSid} is already in another Messaging Service, ${current}`);
    }
    if (!number.capabilities.sms && !number.capabilities.mms) {
      throw new MembershipError('not_messaging_capable', `${numberSid} has neither SMS nor MMS capability`);
    }
    const members = this.serviceNumbers.get(serviceSid) ?? new Map<string, FakeServiceNumber>();
    if (members.size >= MAX_SERVICE_SENDERS) {
      throw new MembershipError(
        'pool_full',
        `Messaging Service ${serviceSid} already has ${MAX_SERVICE_SENDERS} senders`,
      );
    }
    const joined = wholeSeconds(this.now());
    const member: FakeServiceNumber = { serviceSid, numberSid, dateCreated: joined, dateUpdated: joined };
    members.set(numberSid, member);
    this.serviceNumbers.set(serviceSid, members);
    this.serviceByNumber.set(numberSid, serviceSid);
    return member;
  }

  /** Takes a number out of a service; false when it was not in it. */
  removeNumberFromService(serviceSid: string, numberSid: string): boolean {
    if (this.serviceByNumber.get(numberSid) !== serviceSid) return false;
    this.serviceNumbers.get(serviceSid)?.delete(numberSid);
    this.serviceByNumber.delete(numberSid);
    return true;
  }

  serviceNumber(serviceSid: string, numberSid: string): FakeServiceNumber | undefined {
    return this.serviceNumbers.get(serviceSid)?.get(numberSid);
  }

  /** A service's numbers in the order they joined. */
  serviceNumbersOf(serviceSid: string): FakeServiceNumber[] {
    return [...(this.serviceNumbers.get(serviceSid)?.values() ?? [])];
  }

  /** The SID of the service a number is in, if any. */
  serviceOfNumber(numberSid: string): string | undefined {
    return this.serviceByNumber.get(numberSid);
  }

  /** A number that leaves its account (released or moved) leaves its service too. */
  private leaveService(numberSid: string): void {
    const serviceSid = this.serviceByNumber.get(numberSid);
    if (serviceSid !== undefined) this.removeNumberFromService(serviceSid, numberSid);
  }

  // ----- owned phone numbers -----

  /**
   * Adds a number to an account, taking it out of the inventory. With
   * `exclusive: false` the number is not claimed, so others may own it too:
   * for Twilio's magic test number, which is always available.
   */
  createIncomingNumber(input: NewIncomingNumber, options: { exclusive?: boolean } = {}): FakeIncomingNumber {
    const exclusive = options.exclusive ?? true;
    if (!this.accounts.has(input.accountSid)) {
      throw new FakeStateError('invalid', `Account ${input.accountSid} does not exist; seed it first`);
    }
    if (exclusive && this.ownerByPhoneNumber.has(input.phoneNumber)) {
      throw new FakeStateError('conflict', `${input.phoneNumber} is already owned`);
    }
    const created = wholeSeconds(this.now());
    const number = this.newIncomingNumber(`PN${randomHex32()}`, input, created);
    this.addIncomingNumber(number, exclusive);
    return number;
  }

  private newIncomingNumber(sid: string, input: NewIncomingNumber, created: Date): FakeIncomingNumber {
    // Defaults are those of a number bought in the Console without configuration.
    const defaults: FakeIncomingNumber = {
      sid,
      accountSid: input.accountSid,
      phoneNumber: input.phoneNumber,
      isoCountry: isoCountryOf(input.phoneNumber),
      friendlyName: friendlyPhoneNumber(input.phoneNumber),
      type: input.type,
      capabilities: capabilitiesFrom(),
      voiceUrl: '',
      voiceMethod: 'POST',
      voiceFallbackUrl: '',
      voiceFallbackMethod: 'POST',
      smsUrl: '',
      smsMethod: 'POST',
      smsFallbackUrl: '',
      smsFallbackMethod: 'POST',
      statusCallback: '',
      statusCallbackMethod: 'POST',
      voiceApplicationSid: null,
      smsApplicationSid: null,
      trunkSid: null,
      apiVersion: '2010-04-01',
      voiceCallerIdLookup: false,
      voiceReceiveMode: 'voice',
      emergencyStatus: 'Inactive',
      emergencyAddressSid: null,
      emergencyAddressStatus: 'unregistered',
      addressSid: null,
      identitySid: null,
      bundleSid: null,
      addressRequirements: 'none',
      beta: false,
      origin: 'twilio',
      status: 'in-use',
      dateCreated: created,
      dateUpdated: created,
    };
    return { ...defaults, ...definedOnly(input) };
  }

  private addIncomingNumber(number: FakeIncomingNumber, exclusive: boolean): void {
    this.numbers.set(number.sid, number);
    const entry = this.accountNumbers(number.accountSid);
    entry.sids.add(number.sid);
    // The cached list order is stale once a number is added.
    entry.sorted = undefined;
    if (exclusive) this.ownerByPhoneNumber.set(number.phoneNumber, number.sid);
    this.inventory.delete(number.phoneNumber);
  }

  private accountNumbers(accountSid: string): AccountNumbers {
    let entry = this.numbersByAccount.get(accountSid);
    if (!entry) {
      entry = { sids: new Set(), sorted: undefined };
      this.numbersByAccount.set(accountSid, entry);
    }
    return entry;
  }

  /** Changes a number; a different `accountSid` moves it to that account. */
  updateIncomingNumber(sid: string, changes: IncomingNumberChanges): FakeIncomingNumber {
    const current = this.numbers.get(sid);
    if (!current) throw new FakeStateError('not_found', `Phone number ${sid} does not exist`);
    const updated: FakeIncomingNumber = { ...current, ...definedOnly(changes), dateUpdated: wholeSeconds(this.now()) };
    if (updated.accountSid !== current.accountSid) {
      if (!this.accounts.has(updated.accountSid)) {
        throw new FakeStateError('invalid', `Account ${updated.accountSid} does not exist; seed it first`);
      }
      const from = this.accountNumbers(current.accountSid);
      from.sids.delete(sid);
      from.sorted = undefined;
      const to = this.accountNumbers(updated.accountSid);
      to.sids.add(sid);
      to.sorted = undefined;
      // A service holds only its own account's numbers.
      this.leaveService(sid);
    }
    // Creation date and SID are unchanged, so the list order holds.
    this.numbers.set(sid, updated);
    return updated;
  }

  /**
   * Releases a number, which leaves its Messaging Service as on Twilio. Like
   * Twilio, it does not go back on sale straight away.
   */
  deleteIncomingNumber(sid: string): boolean {
    const number = this.numbers.get(sid);
    if (!number) return false;
    this.leaveService(sid);
    this.numbers.delete(sid);
    const entry = this.accountNumbers(number.accountSid);
    entry.sids.delete(sid);
    entry.sorted = undefined;
    if (this.ownerByPhoneNumber.get(number.phoneNumber) === sid) this.ownerByPhoneNumber.delete(number.phoneNumber);
    return true;
  }

  getIncomingNumber(sid: string): FakeIncomingNumber | undefined {
    return this.numbers.get(sid);
  }

  /**
   * An account's numbers in list order (created, then SID). Sorting happens
   * once after a change, so paging through 10,000 numbers costs O(n) a page.
   */
  incomingNumbersOf(accountSid: string): FakeIncomingNumber[] {
    const entry = this.numbersByAccount.get(accountSid);
    if (!entry) return [];
    entry.sorted ??= [...entry.sids]
      .flatMap((sid) => this.numbers.get(sid) ?? [])
      .sort(byCreation)
      .map((number) => number.sid);
    return entry.sorted.flatMap((sid) => this.numbers.get(sid) ?? []);
  }

  /** How many numbers an account owns, subaccounts' included: what a Trial's one-number limit counts. */
  familyNumberCount(mainSid: string): number {
    return this.accountFamily(mainSid).reduce(
      (total, account) => total + (this.numbersByAccount.get(account.sid)?.sids.size ?? 0),
      0,
    );
  }

  isOwned(phoneNumber: string): boolean {
    return this.ownerByPhoneNumber.has(phoneNumber);
  }

  /** A fixture's number: the type and capabilities of the inventory entry it takes, if any. */
  seedOwnedNumber(input: SeedOwnedNumberInput): FakeIncomingNumber {
    const { accountSid, phoneNumber, type, capabilities, ...config } = input;
    const listed = this.inventory.get(phoneNumber);
    return this.createIncomingNumber({
      ...config,
      accountSid,
      phoneNumber,
      isoCountry: listed?.isoCountry,
      type: type ?? listed?.type ?? (isTollFree(phoneNumber) ? 'toll-free' : 'local'),
      capabilities: capabilities ? capabilitiesFrom(capabilities) : (listed?.capabilities ?? capabilitiesFrom()),
      addressRequirements: listed?.addressRequirements,
    });
  }

  /**
   * Many numbers at once, for paging and sync benchmarks: +1, the area code,
   * then a seven-digit index. Exchanges starting with 0 are never assigned in
   * the NANP, so these neither reach anyone nor clash with the 555 inventory.
   */
  seedOwnedNumbers(input: SeedOwnedNumbersInput): FakeIncomingNumber[] {
    if (!this.accounts.has(input.accountSid)) {
      throw new FakeStateError('invalid', `Account ${input.accountSid} does not exist; seed it first`);
    }
    const type = input.type ?? 'local';
    const areaCode = input.areaCode ?? (type === 'toll-free' ? '800' : '415');
    const created = wholeSeconds(this.now());
    // One template and one buffer of random bytes: per-number defaults and
    // randomBytes() calls would take most of the time for 10,000 numbers.
    const template = this.newIncomingNumber(
      '',
      {
        accountSid: input.accountSid,
        phoneNumber: '',
        // Every number shares the area code, and so the country.
        isoCountry: isoCountryOf(`+1${areaCode}0000000`),
        type,
        capabilities: capabilitiesFrom(input.capabilities),
      },
      created,
    );
    const sidBytes = randomBytes(16 * input.count);
    let index = this.bulkIndexByAreaCode.get(areaCode) ?? 0;
    const seeded: FakeIncomingNumber[] = [];
    while (seeded.length < input.count) {
      if (index >= 10_000_000) throw new FakeStateError('invalid', `Area code ${areaCode} has no numbers left`);
      const phoneNumber = `+1${areaCode}${String(index).padStart(7, '0')}`;
      index += 1;
      if (this.ownerByPhoneNumber.has(phoneNumber) || this.inventory.has(phoneNumber)) continue;
      const offset = 16 * seeded.length;
      const number: FakeIncomingNumber = {
        ...template,
        sid: `PN${sidBytes.toString('hex', offset, offset + 16)}`,
        phoneNumber,
        friendlyName:
          input.friendlyNamePrefix === undefined
            ? friendlyPhoneNumber(phoneNumber)
            : `${input.friendlyNamePrefix}${seeded.length + 1}`,
      };
      this.addIncomingNumber(number, true);
      seeded.push(number);
    }
    this.bulkIndexByAreaCode.set(areaCode, index);
    return seeded;
  }

  /** A fixture's change "outside the app": values are taken as given, with no API rules applied. */
  patchOwnedNumber(sid: string, patch: OwnedNumberPatch): FakeIncomingNumber {
    const { capabilities, ...config } = patch;
    const current = this.numbers.get(sid);
    if (!current) throw new FakeStateError('not_found', `Phone number ${sid} does not exist`);
    return this.updateIncomingNumber(sid, {
      ...config,
      capabilities: capabilities ? { ...current.capabilities, ...definedOnly(capabilities) } : undefined,
    });
  }

  // ----- available numbers -----

  availableNumber(phoneNumber: string): FakeAvailableNumber | undefined {
    return this.inventory.get(phoneNumber);
  }

  /** A country's numbers of one type, in inventory order (defaults first, then seeded). */
  availableNumbers(isoCountry: string, type: NumberType): FakeAvailableNumber[] {
    return [...this.inventory.values()].filter((number) => number.isoCountry === isoCountry && number.type === type);
  }

  /** Every number of every type and country, for purchases by area code. */
  allAvailableNumbers(): FakeAvailableNumber[] {
    return [...this.inventory.values()];
  }

  /** Adds numbers for sale, replacing the details of any already listed; owned numbers are refused. */
  addAvailableNumbers(isoCountry: string, type: NumberType, inputs: readonly AvailableNumberInput[]): number {
    const owned = inputs.find((input) => this.ownerByPhoneNumber.has(input.phoneNumber));
    if (owned) throw new FakeStateError('conflict', `${owned.phoneNumber} is owned by an account; release it first`);
    for (const input of inputs) {
      this.inventory.set(input.phoneNumber, {
        phoneNumber: input.phoneNumber,
        isoCountry,
        type,
        locality: input.locality ?? null,
        region: input.region ?? null,
        postalCode: input.postalCode ?? null,
        lata: input.lata ?? null,
        rateCenter: input.rateCenter ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        addressRequirements: input.addressRequirements ?? 'none',
        beta: input.beta ?? false,
        capabilities: capabilitiesFrom(input.capabilities),
      });
    }
    return inputs.length;
  }

  removeAvailableNumber(phoneNumber: string): boolean {
    return this.inventory.delete(phoneNumber);
  }

  // ----- number prices -----

  priceList(isoCountry: string): FakePriceList | undefined {
    return this.priceLists.get(isoCountry);
  }

  /** Every country with prices, by country name as Twilio lists them. */
  allPriceLists(): FakePriceList[] {
    return [...this.priceLists.values()].sort((a, b) => a.country.localeCompare(b.country));
  }

  /** The monthly price of a number of this country and type; undefined when the fake has no price for it. */
  monthlyPrice(isoCountry: string, type: PriceNumberType): string | undefined {
    return this.priceLists.get(isoCountry)?.prices.find((price) => price.numberType === type)?.currentPrice;
  }

  /** Replaces a country's price list (creating the country if need be). */
  setPrices(input: SetPricesInput): FakePriceList {
    const list: FakePriceList = {
      isoCountry: input.country,
      country: countryName(input.country),
      priceUnit: input.priceUnit ?? 'USD',
      prices: input.prices.map((price) => ({ ...price })),
    };
    this.priceLists.set(input.country, list);
    return list;
  }

  // ----- request log -----

  recordRequest(request: Omit<RecordedRequest, 'id' | 'time' | 'status' | 'fault'>): RecordedRequest {
    const record: RecordedRequest = {
      id: this.nextRequestId++,
      time: this.now().toISOString(),
      ...request,
      status: null,
      fault: null,
    };
    this.log.push(record);
    return { ...record };
  }

  completeRequest(id: number, status: number): void {
    const index = this.log.findIndex((record) => record.id === id);
    const record = this.log[index];
    if (record) this.log[index] = { ...record, status };
  }

  private noteFault(id: number, fault: Fault): void {
    const index = this.log.findIndex((record) => record.id === id);
    const record = this.log[index];
    const afterCommit = 'afterCommit' in fault && fault.afterCommit === true;
    if (record) this.log[index] = { ...record, fault: { id: fault.id, kind: fault.kind, afterCommit } };
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
   * 429 then a 503 then success) rather than on top of each other. With the
   * id of the logged request, the log notes the fault on it, so tests can
   * count the faults that actually fired.
   */
  takeFault(request: RequestLine, requestId?: number): Fault | undefined {
    const index = this.queuedFaults.findIndex((fault) => faultMatches(fault, request));
    const fault = this.queuedFaults[index];
    if (!fault) return undefined;
    const remaining = fault.remaining - 1;
    if (remaining > 0) this.queuedFaults[index] = { ...fault, remaining };
    else this.queuedFaults.splice(index, 1);
    if (requestId !== undefined) this.noteFault(requestId, fault);
    return { ...fault, remaining };
  }

  faults(): Fault[] {
    return [...this.queuedFaults];
  }

  clearFaults(): void {
    this.queuedFaults = [];
  }

  /** Ends one fault, leaving the others (a test's own fault, in a suite that shares the fake). */
  removeFault(id: number): boolean {
    const before = this.queuedFaults.length;
    this.queuedFaults = this.queuedFaults.filter((fault) => fault.id !== id);
    return this.queuedFaults.length < before;
  }

  /** Back to a just-started fake. */
  reset(): void {
    this.accounts = new Map();
    this.services = new Map();
    this.serviceNumbers = new Map();
    this.serviceByNumber = new Map();
    this.numbers = new Map();
    this.numbersByAccount = new Map();
    this.ownerByPhoneNumber = new Map();
    this.bulkIndexByAreaCode = new Map();
    this.inventory = inventoryOf(defaultInventory());
    this.priceLists = priceListsOf(defaultPriceLists());
    this.log = [];
    this.queuedFaults = [];
    this.nextRequestId = 1;
    this.nextFaultId = 1;
    this.usage.reset();
    this.a2p.reset();
  }
}

const inventoryOf = (numbers: readonly FakeAvailableNumber[]) =>
  new Map(numbers.map((number) => [number.phoneNumber, number]));
const priceListsOf = (lists: readonly FakePriceList[]) => new Map(lists.map((list) => [list.isoCountry, list]));

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
