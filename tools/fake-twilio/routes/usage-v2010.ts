/**
 * api.twilio.com 2010-04-01 Calls, Messages and Usage Records: what the
 * app's Costs screen reads. Lists and fetches only, since the fake's calls
 * and messages are seeded through the control API as if they had happened.
 *
 * Time filters read as Twilio reads them: `StartTime>=2026-11-01` in a URL
 * is the parameter `StartTime>` with the value `2026-11-01`. With a date,
 * `>` means on or after that UTC day, `<` on or before it, and the bare name
 * on it; with a date-time (what the twilio package sends) the instant is
 * compared. Usage dates are days, or offsets from the fake's today such as
 * `-30days`. A value the fake cannot read is 400 / 20001, so a wrong filter
 * fails a test instead of quietly listing everything.
 *
 * IncludeSubaccounts is accepted and ignored: usage is always the named
 * account's own.
 */
import { CallStatusSchema } from '../control-schema';
import type { FakeAccount } from '../state';
import {
  defineRoute,
  invalidParameter,
  ok,
  resourceNotFound,
  type JsonReply,
  type RouteContext,
  type TwilioRoute,
} from '../twilio-route';
import { utcDay } from '../usage-state';
import { callJson, messageJson, pageV2010, usageRecordJson, type UsagePeriod } from '../wire';
import { scopedAccount } from './api-v2010';
import { oneOf } from './form-fields';

const BASE = '/2010-04-01/Accounts/{AccountSid}';

// ----- days and times -----

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Bounded so the day stays within what a Date can hold. */
const DAY_OFFSET = /^([+-])(\d{1,5})days$/;

/** When a YYYY-MM-DD day starts, in ms since the epoch; undefined for anything else, 2026-02-30 included. */
function dayStart(value: string): number | undefined {
  if (!DAY.test(value)) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) || utcDay(new Date(time)) !== value ? undefined : time;
}

/** Only called with days already read, which always parse. */
const addDays = (day: string, days: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The time a filter value names, [from, until) in ms: a whole UTC day for a date, one instant for a date-time. */
function spanOf(value: string, name: string): { from: number; until: number } {
  const day = dayStart(value);
  if (day !== undefined) return { from: day, until: day + DAY_MS };
  const instant = DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(instant)) throw invalidParameter(name);
  return { from: instant, until: instant + 1 };
}

/** The `Name`, `Name<` and `Name>` filters as one test: on, on or before, and on or after what each names. */
function timeFilter(query: Record<string, string>, name: string): (time: Date) => boolean {
  const span = (key: string) => {
    const value = query[key];
    return value === undefined ? undefined : spanOf(value, key);
  };
  const on = span(name);
  const onOrBefore = span(`${name}<`);
  const onOrAfter = span(`${name}>`);
  return (time) => {
    const at = time.getTime();
    return (
      (on === undefined || (at >= on.from && at < on.until)) &&
      (onOrBefore === undefined || at < onOrBefore.until) &&
      (onOrAfter === undefined || at >= onOrAfter.from)
    );
  };
}

// ----- calls and messages -----

const callStatus = oneOf(CallStatusSchema.options);

/** A call or message of the account named in the path; 404 / 20404 for any other, as for a missing one. */
function owned<T extends { accountSid: string }>(
  ctx: RouteContext<'AccountSid' | 'Sid'>,
  find: (sid: string) => T | undefined,
): T {
  const account = scopedAccount(ctx);
  const record = find(ctx.params.Sid);
  if (record?.accountSid !== account.sid) throw resourceNotFound(ctx.host, ctx.path);
  return record;
}

function listCalls(ctx: RouteContext<'AccountSid'>): JsonReply {
  const account = scopedAccount(ctx);
  const { To: to, From: from, Status: status, ParentCallSid: parentCallSid } = ctx.query;
  const statusValue = status === undefined ? undefined : callStatus(status, 'Status');
  const started = timeFilter(ctx.query, 'StartTime');
  const ended = timeFilter(ctx.query, 'EndTime');
  const calls = ctx.state.usage.callsOf(account.sid).filter(
    (call) =>
      // The fake's calls have no child legs, so no call has a parent.
      parentCallSid === undefined &&
      (to === undefined || call.to === to) &&
      (from === undefined || call.from === from) &&
      (statusValue === undefined || call.status === statusValue) &&
      started(call.startTime) &&
      ended(call.endTime),
  );
  const page = pageV2010('calls', ctx.path, ctx.query, calls);
  return ok({ ...page, calls: page.calls.map(callJson) });
}

function listMessages(ctx: RouteContext<'AccountSid'>): JsonReply {
  const account = scopedAccount(ctx);
  const { To: to, From: from } = ctx.query;
  const sent = timeFilter(ctx.query, 'DateSent');
  const messages = ctx.state.usage
    .messagesOf(account.sid)
    .filter(
      (message) =>
        (to === undefined || message.to === to) &&
        (from === undefined || message.from === from) &&
        sent(message.dateSent),
    );
  const page = pageV2010('messages', ctx.path, ctx.query, messages);
  return ok({ ...page, messages: page.messages.map(messageJson) });
}

// ----- usage records -----

/** A usage date: YYYY-MM-DD, or an offset in days from the fake's today ("-30days", "+0days"). */
function usageDay(query: Record<string, string>, name: string, today: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const offset = DAY_OFFSET.exec(value);
  if (offset) return addDays(today, (offset[1] === '-' ? -1 : 1) * Number(offset[2]));
  if (dayStart(value) === undefined) throw invalidParameter(name);
  return value;
}

const monthOf = (day: string) => day.slice(0, 7);

/** The first and last day of a YYYY-MM month. */
function monthPeriod(month: string): UsagePeriod {
  // Day 0 of the next month (whose 0-based index is this month's number) is this month's last day.
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return { start: `${month}-01`, end: utcDay(last) };
}

/** Every month from the one holding `period.start` to the one holding `period.end`. */
function monthsOf(period: UsagePeriod): UsagePeriod[] {
  const months: UsagePeriod[] = [];
  let month = monthPeriod(monthOf(period.start));
  while (month.start <= period.end) {
    months.push(month);
    month = monthPeriod(monthOf(addDays(month.end, 1)));
  }
  return months;
}

/**
 * The days StartDate and EndDate ask for. EndDate defaults to today, and
 * StartDate to the first day with usage: Twilio's "all time".
 */
function requestedPeriod(ctx: RouteContext<'AccountSid'>, account: FakeAccount, today: string): UsagePeriod {
  const end = usageDay(ctx.query, 'EndDate', today) ?? today;
  const start = usageDay(ctx.query, 'StartDate', today);
  if (start === undefined) {
    const first = ctx.state.usage.firstUsageDay(account.sid) ?? end;
    return { start: first < end ? first : end, end };
  }
  if (start > end) throw invalidParameter('StartDate');
  return { start, end };
}

/** Usage records of each period, one per category, filtered by Category and paged. */
function usageRecords(
  ctx: RouteContext<'AccountSid'>,
  periodsOf: (account: FakeAccount, today: string) => UsagePeriod[],
): JsonReply {
  const account = scopedAccount(ctx);
  const asOf = ctx.state.usage.asOf();
  const { Category: category } = ctx.query;
  const entries = periodsOf(account, utcDay(asOf)).flatMap((period) =>
    ctx.state.usage
      .usageBetween(account, period.start, period.end)
      .filter((figures) => category === undefined || figures.category === category)
      .map((figures) => ({ period, figures })),
  );
  const page = pageV2010('usage_records', ctx.path, ctx.query, entries);
  return ok({
    ...page,
    usage_records: page.usage_records.map(({ period, figures }) =>
      usageRecordJson(account.sid, ctx.path, figures, period, asOf),
    ),
  });
}

// ----- routes -----

export const usageV2010Routes: TwilioRoute[] = [
  defineRoute({ method: 'GET', path: `${BASE}/Calls.json`, handler: listCalls }),
  defineRoute({
    method: 'GET',
    path: `${BASE}/Calls/{Sid}.json`,
    handler: (ctx) => ok(callJson(owned(ctx, (sid) => ctx.state.usage.getCall(sid)))),
  }),
  defineRoute({ method: 'GET', path: `${BASE}/Messages.json`, handler: listMessages }),
  defineRoute({
    method: 'GET',
    path: `${BASE}/Messages/{Sid}.json`,
    handler: (ctx) => ok(messageJson(owned(ctx, (sid) => ctx.state.usage.getMessage(sid)))),
  }),
  // One record per category for the whole period.
  defineRoute({
    method: 'GET',
    path: `${BASE}/Usage/Records.json`,
    handler: (ctx) => usageRecords(ctx, (account, today) => [requestedPeriod(ctx, account, today)]),
  }),
  // One record per category per calendar month the period touches, each covering its whole month.
  defineRoute({
    method: 'GET',
    path: `${BASE}/Usage/Records/Monthly.json`,
    handler: (ctx) => usageRecords(ctx, (account, today) => monthsOf(requestedPeriod(ctx, account, today))),
  }),
  // These two name their own period, so StartDate and EndDate are ignored.
  defineRoute({
    method: 'GET',
    path: `${BASE}/Usage/Records/ThisMonth.json`,
    handler: (ctx) => usageRecords(ctx, (_account, today) => [monthPeriod(monthOf(today))]),
  }),
  defineRoute({
    method: 'GET',
    path: `${BASE}/Usage/Records/LastMonth.json`,
    handler: (ctx) =>
      usageRecords(ctx, (_account, today) => [monthPeriod(monthOf(addDays(`${monthOf(today)}-01`, -1)))]),
  }),
];
