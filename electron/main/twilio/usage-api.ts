/**
 * What the account spent, from Twilio: monthly usage records (the bill by
 * category) and call and message records (to split costs by number). Read
 * as JSON through TwilioRest, and mapped to what the local copy keeps:
 * never a caller's number, never a message body.
 *
 * Twilio prices a call or message some time after it ends; until then its
 * price is null. Charges arrive negative ("-0.0085"); costs here are
 * positive micro-units, parsed exactly (shared/money.ts).
 */
import twilio from 'twilio';
import { z } from 'zod';
import { toMicros } from '../../../shared/money';
import type { RecordDirection, UsageEvent, UsageRecord } from '../domain/usage';
import { eachPage, type TwilioRest } from './rest';

export interface UsageApi {
  /** Calls that started on or after `fromDay` (YYYY-MM-DD, UTC), newest first, a page at a time. */
  listCalls(fromDay: string, onPage: (calls: UsageEvent[]) => void, signal: AbortSignal): Promise<void>;
  /** Messages sent on or after `fromDay`, newest first, a page at a time. */
  listMessages(fromDay: string, onPage: (messages: UsageEvent[]) => void, signal: AbortSignal): Promise<void>;
  /** One call as Twilio has it now; null when Twilio no longer has it. */
  fetchCall(sid: string): Promise<UsageEvent | null>;
  fetchMessage(sid: string): Promise<UsageEvent | null>;
  /** Monthly usage records of the months from `fromDay` to `toDay`. */
  monthlyUsage(fromDay: string, toDay: string, signal: AbortSignal): Promise<UsageRecord[]>;
}

const PAGE_SIZE = '1000';

/** Twilio sends some amounts as strings and, in places, numbers; both become exact text first. */
const decimalText = z.union([z.string(), z.number().transform(String)]);

const callResource = z.object({
  sid: z.string(),
  direction: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  status: z.string().nullable(),
  start_time: z.string().nullable(),
  date_created: z.string().nullable(),
  duration: z.string().nullable(),
  price: decimalText.nullable(),
  price_unit: z.string().nullable(),
});

const messageResource = z.object({
  sid: z.string(),
  direction: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  status: z.string().nullable(),
  date_sent: z.string().nullable(),
  date_created: z.string().nullable(),
  num_segments: z.string().nullable(),
  price: decimalText.nullable(),
  price_unit: z.string().nullable(),
});

const usageRecordResource = z.object({
  category: z.string().nullable(),
  start_date: z.string().nullable(),
  count: decimalText.nullable(),
  usage: decimalText.nullable(),
  usage_unit: z.string().nullable(),
  price: decimalText.nullable(),
  price_unit: z.string().nullable(),
});

const pagingFields = z.object({ next_page_uri: z.string().nullable() });

/** Reads a list page whose items are under `key`, for eachPage. */
function listOf<Item extends z.ZodType>(key: string, item: Item) {
  const itemsField = z.object({ [key]: z.array(item) });
  return (body: unknown) => ({
    items: itemsField.parse(body)[key] ?? [],
    nextPageUri: pagingFields.parse(body).next_page_uri,
  });
}

const callPage = listOf('calls', callResource);
const messagePage = listOf('messages', messageResource);
const usagePage = listOf('usage_records', usageRecordResource);

/** RFC 2822 → ISO 8601 (whole seconds, UTC); null when absent or unreadable. */
function isoOf(rfc2822: string | null): string | null {
  if (!rfc2822) return null;
  const time = Date.parse(rfc2822);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A charge ("-0.0085") as a positive cost; null while unpriced or unreadable. */
function costOf(price: string | null): number | null {
  const micros = price === null ? null : toMicros(price);
  return micros === null ? null : -micros;
}

const directionOf = (direction: string | null): RecordDirection => (direction === 'inbound' ? 'inbound' : 'outbound');

function eventOf(
  resource: { sid: string; direction: string | null; from: string | null; to: string | null; status: string | null },
  details: { at: string | null; amount: string | null; price: string | null; priceUnit: string | null },
): UsageEvent | null {
  // A call not yet dialled has no time; it is listed again once it has one.
  if (details.at === null) return null;
  const direction = directionOf(resource.direction);
  return {
    sid: resource.sid,
    direction,
    ourNumber: (direction === 'inbound' ? resource.to : resource.from) ?? '',
    status: resource.status ?? '',
    at: details.at,
    amount: Math.max(0, Number.parseInt(details.amount ?? '0', 10) || 0),
    costMicros: costOf(details.price),
    priceUnit: details.priceUnit?.toUpperCase() ?? null,
  };
}

const callEventOf = (call: z.output<typeof callResource>): UsageEvent | null =>
  eventOf(call, {
    at: isoOf(call.start_time ?? call.date_created),
    amount: call.duration,
    price: call.price,
    priceUnit: call.price_unit,
  });

const messageEventOf = (message: z.output<typeof messageResource>): UsageEvent | null =>
  eventOf(message, {
    at: isoOf(message.date_sent ?? message.date_created),
    amount: message.num_segments,
    price: message.price,
    priceUnit: message.price_unit,
  });

const presentOnly = <T>(items: (T | null)[]): T[] => items.filter((item): item is T => item !== null);

async function orNullWhenGone<T>(fetch: () => Promise<T>): Promise<T | null> {
  try {
    return await fetch();
  } catch (error) {
    if (error instanceof twilio.RestException && error.status === 404) return null;
    throw error;
  }
}

export function createUsageApi(rest: TwilioRest, accountSid: string): UsageApi {
  const accountPath = `/2010-04-01/Accounts/${accountSid}`;

  return {
    listCalls: (fromDay, onPage, signal) =>
      eachPage(
        rest,
        // "StartTime>=2026-11-01" in Twilio's docs is the parameter "StartTime>" with that value.
        { path: `${accountPath}/Calls.json`, query: { 'StartTime>': fromDay, PageSize: PAGE_SIZE } },
        callPage,
        (calls) => onPage(presentOnly(calls.map(callEventOf))),
        signal,
      ),

    listMessages: (fromDay, onPage, signal) =>
      eachPage(
        rest,
        { path: `${accountPath}/Messages.json`, query: { 'DateSent>': fromDay, PageSize: PAGE_SIZE } },
        messagePage,
        (messages) => onPage(presentOnly(messages.map(messageEventOf))),
        signal,
      ),

    fetchCall: (sid) =>
      orNullWhenGone(async () => callEventOf(callResource.parse(await rest.get(`${accountPath}/Calls/${sid}.json`)))),

    fetchMessage: (sid) =>
      orNullWhenGone(async () =>
        messageEventOf(messageResource.parse(await rest.get(`${accountPath}/Messages/${sid}.json`))),
      ),

    async monthlyUsage(fromDay, toDay, signal) {
      const records: UsageRecord[] = [];
      await eachPage(
        rest,
        {
          path: `${accountPath}/Usage/Records/Monthly.json`,
          query: { StartDate: fromDay, EndDate: toDay, PageSize: PAGE_SIZE },
        },
        usagePage,
        (page) => {
          for (const record of page) {
            const costMicros = record.price === null ? 0 : toMicros(record.price);
            if (!record.category || !record.start_date || costMicros === null) continue;
            records.push({
              category: record.category,
              month: record.start_date.slice(0, 7),
              count: record.count ?? '0',
              usage: record.usage ?? '0',
              usageUnit: record.usage_unit ?? '',
              costMicros,
              // Usage records name the currency in lower case ("usd"), calls in upper.
              priceUnit: (record.price_unit ?? '').toUpperCase(),
            });
          }
        },
        signal,
      );
      return records;
    },
  };
}
