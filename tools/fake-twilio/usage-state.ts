/**
 * The fake's call and message records and the usage records Twilio bills
 * by: what the app's Costs screen reads. Usage of calls and messages is
 * computed from those records whenever it is asked for, never stored, so the
 * bill and the records it sums always agree, as they do on Twilio. Usage the
 * fake keeps no records for (phone numbers, A2P fees…) is seeded by the
 * month. FakeState holds one store and resets it with everything else;
 * records are replaced, never mutated, like FakeState's own.
 */
import type {
  CallDirection,
  CallStatus,
  DerivedUsageCategory,
  MessageDirection,
  MessageStatus,
  SeedCallsInput,
  SeedMessagesInput,
  SeedUsageRecordsInput,
} from './control-schema';
import { addMoney, addQuantity, isZeroAmount, subtractMoney } from './money';
import { randomHex32, wholeSeconds } from './record-util';
import type { FakeAccount } from './state';

export interface FakeCall {
  readonly sid: string;
  readonly accountSid: string;
  readonly from: string;
  readonly to: string;
  readonly direction: CallDirection;
  readonly status: CallStatus;
  readonly startTime: Date;
  readonly endTime: Date;
  /** Whole seconds. */
  readonly duration: number;
  /** A charge, negative as Twilio writes it ("-0.0085"); null until Twilio has rated the call. */
  readonly price: string | null;
  readonly priceUnit: string;
  /** The account's number on the call: the one called (inbound) or calling (outbound), if the account owns it. */
  readonly phoneNumberSid: string | null;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

export interface FakeMessage {
  readonly sid: string;
  readonly accountSid: string;
  readonly from: string;
  readonly to: string;
  readonly direction: MessageDirection;
  readonly status: MessageStatus;
  readonly numSegments: number;
  /** A charge, negative as Twilio writes it; null until Twilio has rated the message. */
  readonly price: string | null;
  readonly priceUnit: string;
  readonly messagingServiceSid: string | null;
  /** Kept and served because Twilio serves it; the app must never store it. */
  readonly body: string;
  readonly dateSent: Date;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

/** One month of usage in a category the fake keeps no records for. */
export interface FakeUsageCharge {
  readonly accountSid: string;
  readonly category: string;
  /** YYYY-MM */
  readonly month: string;
  /** What the account was charged: positive, as usage records show it. */
  readonly price: string;
  readonly count: string;
  readonly usage: string;
  readonly countUnit: string;
  readonly usageUnit: string;
}

/** One category's usage over some period: a usage record without its dates. */
export interface UsageFigures {
  readonly category: string;
  readonly description: string;
  readonly count: string;
  readonly countUnit: string;
  readonly usage: string;
  readonly usageUnit: string;
  /** Positive: what the account was charged. */
  readonly price: string;
  /** Lower case, as usage records write it ("usd"). */
  readonly priceUnit: string;
}

/** What the store needs of the FakeState that holds it. */
export interface UsageStoreHost {
  now(): Date;
  /** Throws the FakeStateError a fixture gets for an account that does not exist. */
  requireAccount(accountSid: string): void;
  /** The SID of the number this account owns with this phone number, if it owns one. */
  ownedNumberSid(accountSid: string, phoneNumber: string): string | null;
}

interface CategoryInfo {
  description: string;
  countUnit: string;
  usageUnit: string;
}

const VOICE = { countUnit: 'calls', usageUnit: 'minutes' };
const SMS = { countUnit: 'messages', usageUnit: 'segments' };
const NUMBERS = { countUnit: 'numbers', usageUnit: 'numbers' };

/** Twilio's descriptions and units; totalprice is measured in the account's currency, filled in when computed. */
const DERIVED: Readonly<Record<DerivedUsageCategory, CategoryInfo>> = {
  calls: { description: 'Voice Minutes', ...VOICE },
  'calls-inbound': { description: 'Inbound Voice Minutes', ...VOICE },
  'calls-outbound': { description: 'Outbound Voice Minutes', ...VOICE },
  sms: { description: 'SMS Messages', ...SMS },
  'sms-inbound': { description: 'Inbound SMS Messages', ...SMS },
  'sms-outbound': { description: 'Outbound SMS Messages', ...SMS },
  totalprice: { description: 'Total Price', countUnit: '', usageUnit: '' },
};

/** The seedable categories Gleam reads; any other is described by its own name, without units. */
const KNOWN_SEEDED: Readonly<Record<string, CategoryInfo>> = {
  phonenumbers: { description: 'Phone Numbers', ...NUMBERS },
  'phonenumbers-local': { description: 'Local Phone Numbers', ...NUMBERS },
  'phonenumbers-tollfree': { description: 'Toll-Free Phone Numbers', ...NUMBERS },
  'phonenumbers-mobile': { description: 'Mobile Phone Numbers', ...NUMBERS },
  'a2p-registration-fees': { description: 'A2P Registration Fees', countUnit: '', usageUnit: '' },
};

/** YYYY-MM-DD, in UTC as Twilio dates usage. */
export const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Twilio's list order for calls and messages: newest first, ties broken by SID, so pages never reshuffle. */
function newestFirst<T extends { sid: string }>(timeOf: (record: T) => Date): (a: T, b: T) => number {
  return (a, b) => timeOf(b).getTime() - timeOf(a).getTime() || (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0);
}

const callOrder = newestFirst<FakeCall>((call) => call.startTime);
const messageOrder = newestFirst<FakeMessage>((message) => message.dateSent);

/** The sum of these amounts; "0", as Twilio writes nothing charged, when all are zero or there are none. */
const sumOf = (amounts: readonly string[]) => amounts.filter((amount) => !isZeroAmount(amount)).reduce(addMoney, '0');

/** What the account was charged for these records, positive; unrated ones count as nothing yet. */
const chargedFor = (records: readonly { price: string | null }[]) =>
  sumOf(records.flatMap((record) => (record.price === null ? [] : [subtractMoney('0', record.price)])));

/** Twilio bills a call by the started minute. */
const billedMinutes = (calls: readonly FakeCall[]) =>
  calls.reduce((total, call) => total + Math.ceil(call.duration / 60), 0);

const segments = (messages: readonly FakeMessage[]) =>
  messages.reduce((total, message) => total + message.numSegments, 0);

const isInbound = (record: { direction: string }) => record.direction === 'inbound';
/** Every other direction (outbound-api, outbound-dial, outbound-call, outbound-reply) is outbound. */
const isOutbound = (record: { direction: string }) => !isInbound(record);

const byCategory = (a: UsageFigures, b: UsageFigures) =>
  a.category < b.category ? -1 : a.category > b.category ? 1 : 0;

/** Sets a record's price as Twilio's rating does, later than the call or message itself. */
function rate<T extends { price: string | null; dateUpdated: Date }>(
  records: Map<string, T>,
  sid: string,
  price: string | null,
  now: Date,
): T | undefined {
  const current = records.get(sid);
  if (!current) return undefined;
  const rated: T = { ...current, price, dateUpdated: wholeSeconds(now) };
  records.set(sid, rated);
  return rated;
}

export class UsageStore {
  private readonly host: UsageStoreHost;
  private calls = new Map<string, FakeCall>();
  private messages = new Map<string, FakeMessage>();
  /** `${accountSid} ${category} ${month}` → that month's charge; seeding the same month again replaces it. */
  private charges = new Map<string, FakeUsageCharge>();

  constructor(host: UsageStoreHost) {
    this.host = host;
  }

  /** When usage figures are computed: the fake's now. */
  asOf(): Date {
    return wholeSeconds(this.host.now());
  }

  // ----- calls -----

  /** Calls that happened, in input order; each ends `durationSeconds` after it starts. */
  seedCalls(input: SeedCallsInput): FakeCall[] {
    this.host.requireAccount(input.accountSid);
    return input.calls.map((call) => {
      const startTime = wholeSeconds(new Date(call.startTime));
      const endTime = new Date(startTime.getTime() + call.durationSeconds * 1000);
      const ours = call.direction === 'inbound' ? call.to : call.from;
      const record: FakeCall = {
        sid: `CA${randomHex32()}`,
        accountSid: input.accountSid,
        from: call.from,
        to: call.to,
        direction: call.direction,
        status: call.status ?? 'completed',
        startTime,
        endTime,
        duration: call.durationSeconds,
        price: call.price,
        priceUnit: call.priceUnit ?? 'USD',
        phoneNumberSid: this.host.ownedNumberSid(input.accountSid, ours),
        // Twilio creates the record as the call starts and updates it as the call ends.
        dateCreated: startTime,
        dateUpdated: endTime,
      };
      this.calls.set(record.sid, record);
      return record;
    });
  }

  getCall(sid: string): FakeCall | undefined {
    return this.calls.get(sid);
  }

  /** An account's calls in list order. */
  callsOf(accountSid: string): FakeCall[] {
    return this.callsIn(accountSid).sort(callOrder);
  }

  /** Sets (or takes back) a call's price; undefined when there is no such call. */
  rateCall(sid: string, price: string | null): FakeCall | undefined {
    return rate(this.calls, sid, price, this.host.now());
  }

  private callsIn(accountSid: string): FakeCall[] {
    return [...this.calls.values()].filter((call) => call.accountSid === accountSid);
  }

  // ----- messages -----

  /** Messages that were sent or received, in input order. */
  seedMessages(input: SeedMessagesInput): FakeMessage[] {
    this.host.requireAccount(input.accountSid);
    return input.messages.map((message) => {
      const dateSent = wholeSeconds(new Date(message.dateSent));
      const record: FakeMessage = {
        sid: `SM${randomHex32()}`,
        accountSid: input.accountSid,
        from: message.from,
        to: message.to,
        direction: message.direction,
        status: message.status ?? (message.direction === 'inbound' ? 'received' : 'delivered'),
        numSegments: message.numSegments,
        price: message.price,
        priceUnit: message.priceUnit ?? 'USD',
        messagingServiceSid: message.messagingServiceSid ?? null,
        body: message.body ?? '',
        dateSent,
        dateCreated: dateSent,
        dateUpdated: dateSent,
      };
      this.messages.set(record.sid, record);
      return record;
    });
  }

  getMessage(sid: string): FakeMessage | undefined {
    return this.messages.get(sid);
  }

  /** An account's messages in list order. */
  messagesOf(accountSid: string): FakeMessage[] {
    return this.messagesIn(accountSid).sort(messageOrder);
  }

  /** Sets (or takes back) a message's price; undefined when there is no such message. */
  rateMessage(sid: string, price: string | null): FakeMessage | undefined {
    return rate(this.messages, sid, price, this.host.now());
  }

  private messagesIn(accountSid: string): FakeMessage[] {
    return [...this.messages.values()].filter((message) => message.accountSid === accountSid);
  }

  // ----- usage -----

  /** Monthly charges of categories the fake keeps no records for; a month seeded again is replaced. */
  seedUsageRecords(input: SeedUsageRecordsInput): FakeUsageCharge[] {
    this.host.requireAccount(input.accountSid);
    return input.records.map((record) => {
      const known = KNOWN_SEEDED[record.category];
      const charge: FakeUsageCharge = {
        accountSid: input.accountSid,
        category: record.category,
        month: record.month,
        price: record.price,
        count: record.count ?? '0',
        usage: record.usage ?? '0',
        countUnit: record.countUnit ?? known?.countUnit ?? '',
        usageUnit: record.usageUnit ?? known?.usageUnit ?? '',
      };
      this.charges.set(`${charge.accountSid} ${charge.category} ${charge.month}`, charge);
      return charge;
    });
  }

  /** The first day with any usage (a seeded charge counts from the 1st of its month); undefined when none. */
  firstUsageDay(accountSid: string): string | undefined {
    const days = [
      ...this.callsIn(accountSid).map((call) => utcDay(call.startTime)),
      ...this.messagesIn(accountSid).map((message) => utcDay(message.dateSent)),
      ...this.chargesIn(accountSid).map((charge) => `${charge.month}-01`),
    ];
    return days.length === 0 ? undefined : days.reduce((first, day) => (day < first ? day : first));
  }

  /**
   * The account's usage from day `from` to day `to` (YYYY-MM-DD, both
   * included, UTC), by category in alphabetical order: calls by start day,
   * messages by the day they were sent, seeded charges by any month the
   * period touches. Categories without any count or price are left out, as
   * Twilio leaves them out, except totalprice, which is always there.
   */
  usageBetween(account: Pick<FakeAccount, 'sid' | 'currency'>, from: string, to: string): UsageFigures[] {
    const priceUnit = account.currency.toLowerCase();
    const within = (time: Date) => {
      const day = utcDay(time);
      return day >= from && day <= to;
    };
    const calls = this.callsIn(account.sid).filter((call) => within(call.startTime));
    const messages = this.messagesIn(account.sid).filter((message) => within(message.dateSent));

    const derived = (category: DerivedUsageCategory, count: number, usage: number, price: string): UsageFigures => ({
      category,
      ...DERIVED[category],
      count: String(count),
      usage: String(usage),
      price,
      priceUnit,
    });
    const ofCalls = (category: DerivedUsageCategory, records: FakeCall[]) =>
      derived(category, records.length, billedMinutes(records), chargedFor(records));
    const ofMessages = (category: DerivedUsageCategory, records: FakeMessage[]) =>
      derived(category, records.length, segments(records), chargedFor(records));

    const allCalls = ofCalls('calls', calls);
    const allMessages = ofMessages('sms', messages);
    const seeded = this.seededBetween(account.sid, from, to, priceUnit);
    const total = sumOf([allCalls, allMessages, ...seeded].map((figures) => figures.price));
    const billed = [
      ofCalls('calls-inbound', calls.filter(isInbound)),
      ofCalls('calls-outbound', calls.filter(isOutbound)),
      allCalls,
      ofMessages('sms-inbound', messages.filter(isInbound)),
      ofMessages('sms-outbound', messages.filter(isOutbound)),
      allMessages,
      ...seeded,
    ].filter((figures) => !isZeroAmount(figures.count) || !isZeroAmount(figures.price));
    // Twilio measures the total in money: its usage is the price, in the account's currency.
    const totalPrice: UsageFigures = {
      ...derived('totalprice', 0, 0, total),
      usage: total,
      usageUnit: priceUnit,
    };
    return [...billed, totalPrice].sort(byCategory);
  }

  /** Seeded charges of the months the period touches, one set of figures per category. */
  private seededBetween(accountSid: string, from: string, to: string, priceUnit: string): UsageFigures[] {
    const sums = new Map<string, UsageFigures>();
    const firstMonth = from.slice(0, 7);
    const lastMonth = to.slice(0, 7);
    for (const charge of this.chargesIn(accountSid)) {
      if (charge.month < firstMonth || charge.month > lastMonth) continue;
      const sum = sums.get(charge.category);
      sums.set(charge.category, {
        category: charge.category,
        description: KNOWN_SEEDED[charge.category]?.description ?? charge.category,
        count: sum ? addQuantity(sum.count, charge.count) : charge.count,
        countUnit: charge.countUnit,
        usage: sum ? addQuantity(sum.usage, charge.usage) : charge.usage,
        usageUnit: charge.usageUnit,
        price: sum ? addMoney(sum.price, charge.price) : charge.price,
        priceUnit,
      });
    }
    return [...sums.values()];
  }

  private chargesIn(accountSid: string): FakeUsageCharge[] {
    return [...this.charges.values()].filter((charge) => charge.accountSid === accountSid);
  }

  /** Back to no calls, messages or charges. */
  reset(): void {
    this.calls = new Map();
    this.messages = new Map();
    this.charges = new Map();
  }
}
