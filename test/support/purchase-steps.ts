/** Steps the purchase tests share: a number to buy, and the purchase POSTs the fake received. */
import type { FakeTwilioControl, RecordedRequest } from '../../tools/fake-twilio/control-client';
import type { AppCore } from '../../electron/main/core';

export const US_LOCAL = { country: 'US', type: 'local' } as const;

/** The first 415 number the fake has for sale, found the way the Buy Number search finds it. */
export async function firstAvailable(core: AppCore): Promise<string> {
  const { numbers } = await core.services.numbers.search({
    ...US_LOCAL,
    areaCode: '415',
    capabilities: { voice: true, sms: false, mms: false },
  });
  const first = numbers[0];
  if (!first) throw new Error('the fake offers no 415 numbers');
  return first.phoneNumber;
}

/** Asks for the quote, as the Buy Number dialog does, and answers the id of the confirmation main issued with it. */
export async function confirmedPurchase(core: AppCore, phoneNumber: string): Promise<string> {
  const { confirmation } = await core.services.purchases.quote({ ...US_LOCAL, phoneNumber });
  if (!confirmation) throw new Error(`the quote for ${phoneNumber} issued no confirmation`);
  return confirmation.id;
}

/** Quotes and buys, as opening the dialog and clicking Buy number does. */
export async function buyNumber(
  core: AppCore,
  phoneNumber: string,
): ReturnType<AppCore['services']['purchases']['buy']> {
  return core.services.purchases.buy({ confirmationId: await confirmedPurchase(core, phoneNumber) });
}

/** Asks to release, as the Release dialog does, then confirms. */
export async function releaseNumber(
  core: AppCore,
  sid: string,
): ReturnType<AppCore['services']['purchases']['release']> {
  const { confirmation } = await core.services.purchases.prepareRelease({ sid });
  return core.services.purchases.release({ confirmationId: confirmation.id });
}

/** Purchase POSTs of the account (not number updates, which POST to IncomingPhoneNumbers/PN….json). */
export async function purchasePosts(control: FakeTwilioControl, accountSid: string): Promise<RecordedRequest[]> {
  const posts = await control.requests({ accountSid, method: 'POST', pathIncludes: 'IncomingPhoneNumbers' });
  return posts.filter((request) => /IncomingPhoneNumbers(\/(Local|TollFree|Mobile))?\.json$/.test(request.path));
}
