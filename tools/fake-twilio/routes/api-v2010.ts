/**
 * api.twilio.com, 2010-04-01. Every path under `/Accounts/{AccountSid}` is
 * scoped: the caller may name its own account or one of its subaccounts;
 * any other SID is answered 404 / 20404, as Twilio does, so a resource's
 * existence is never revealed to another account.
 */
import type { FakeAccount } from '../state';
import { defineRoute, ok, resourceNotFound, type RouteContext, type TwilioRoute } from '../twilio-route';
import { accountJson, balanceJson, pageV2010 } from '../wire';

/** The account named in the path, if the caller may see it. */
export function scopedAccount(ctx: RouteContext<'AccountSid'>): FakeAccount {
  const target = ctx.state.getAccount(ctx.params.AccountSid);
  const visible =
    target !== undefined && (target.sid === ctx.account.sid || target.ownerAccountSid === ctx.account.sid);
  if (!visible) throw resourceNotFound(ctx.host, ctx.path);
  return target;
}

const isSubaccount = (account: FakeAccount) => account.ownerAccountSid !== account.sid;

export const apiV2010Routes: TwilioRoute[] = [
  // The spec names this parameter {Sid}; {AccountSid} here lets every account route share scopedAccount.
  defineRoute({
    method: 'GET',
    path: '/2010-04-01/Accounts/{AccountSid}.json',
    allowSuspended: true,
    handler: (ctx) => ok(accountJson(scopedAccount(ctx))),
  }),

  defineRoute({
    method: 'GET',
    path: '/2010-04-01/Accounts/{AccountSid}/Balance.json',
    allowSuspended: true,
    handler: (ctx) => {
      const account = scopedAccount(ctx);
      // "Child accounts do not contain balance information" (spec).
      if (isSubaccount(account)) throw resourceNotFound(ctx.host, ctx.path);
      return ok(balanceJson(account));
    },
  }),

  // The caller's account and its subaccounts, filterable like Twilio's list.
  defineRoute({
    method: 'GET',
    path: '/2010-04-01/Accounts.json',
    handler: (ctx) => {
      const { FriendlyName: friendlyName, Status: status } = ctx.query;
      // A subaccount sees only itself; a main account sees its whole family.
      const visible = isSubaccount(ctx.account) ? [ctx.account] : ctx.state.accountFamily(ctx.account.sid);
      const accounts = visible
        .filter((account) => friendlyName === undefined || account.friendlyName === friendlyName)
        .filter((account) => status === undefined || account.status === status);
      return ok(pageV2010('accounts', ctx.path, ctx.query, accounts.map(accountJson)));
    },
  }),
];
