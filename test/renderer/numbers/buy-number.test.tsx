import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OwnedNumber, PurchaseQuote } from '../../../shared/domain/numbers';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { appError, reasonError } from '../../../shared/errors';
import type { FakeHandlers } from '../support/fake-bridge';
import { channelsCalled, giveElementsAHeight, openNumbersScreen } from './test-kit';
import {
  connected,
  COUNTRIES,
  deferred,
  GOOD_QUOTE,
  numberList,
  ownedNumber,
  SEARCH_RESULT,
  THREE_NUMBERS,
} from './test-fixtures';

beforeEach(() => {
  giveElementsAHeight();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** An owned number as main would answer `purchases:buy` with. */
const bought = (phoneNumber: string): OwnedNumber => ownedNumber(99, { phoneNumber, friendlyName: phoneNumber });

/** The number each confirmation the fake main issued with a quote is for, as main remembers it. */
let confirmedNumbers = new Map<string, string>();
beforeEach(() => {
  confirmedNumbers = new Map();
});

/** The number a `purchases:buy` confirmation was issued for; main refuses one it never issued. */
function numberConfirmedBy(confirmationId: string): string {
  const phoneNumber = confirmedNumbers.get(confirmationId);
  if (!phoneNumber) throw appError('confirmation_invalid');
  return phoneNumber;
}

/** Handlers for a whole purchase: each quote brings a new confirmation; the list grows when `purchases:buy` succeeds. */
function purchaseHandlers(overrides: FakeHandlers = {}): FakeHandlers {
  let owned = THREE_NUMBERS;
  return {
    'numbers:list': () => numberList(owned),
    'numbers:countries': () => COUNTRIES,
    'numbers:search': () => SEARCH_RESULT,
    'purchases:quote': ({ phoneNumber }) => {
      const id = crypto.randomUUID();
      confirmedNumbers.set(id, phoneNumber);
      return { ...GOOD_QUOTE, confirmation: { id, expiresAt: '2026-11-24T10:10:00.000Z' } };
    },
    'purchases:buy': ({ confirmationId }) => {
      const number = bought(numberConfirmedBy(confirmationId));
      owned = [...owned, number];
      return { number };
    },
    ...overrides,
  };
}

/** The confirmations the quotes brought, in order. */
const quotedConfirmations = () => [...confirmedNumbers.keys()];

async function searchFor415(handlers: FakeHandlers) {
  const app = await openNumbersScreen(handlers);
  const { user } = app;
  await user.click(await screen.findByRole('button', { name: 'Buy Number' }));
  await screen.findByRole('option', { name: 'United States' });
  await user.type(screen.getByLabelText('Area code'), '415');
  await user.click(screen.getByRole('button', { name: 'Search' }));
  await screen.findByText('3 numbers found');
  return app;
}

async function chooseNumber(user: Awaited<ReturnType<typeof searchFor415>>['user'], formatted: string) {
  await user.click(screen.getByRole('button', { name: `Buy ${formatted}…` }));
  return screen.findByRole('alertdialog', { name: `Buy ${formatted}?` });
}

const buyCalls = (calls: { channel: string; input: unknown }[]) =>
  calls
    .filter((call) => call.channel === 'purchases:buy')
    .map((call) => call.input as ChannelParsedInput<'purchases:buy'>);

describe('Buy Number → search', () => {
  it('checks the area code and "contains" before asking Twilio anything', async () => {
    const { user, calls } = await openNumbersScreen(purchaseHandlers());
    await user.click(await screen.findByRole('button', { name: 'Buy Number' }));
    await screen.findByRole('option', { name: 'United States' });
    await user.type(screen.getByLabelText('Area code'), '41');
    await user.type(screen.getByLabelText('Number contains'), 'PIPE-2');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    expect(screen.getByText('An area code has 3 digits, such as 415.')).toBeTruthy();
    expect(screen.getByText('Use only digits, letters or * (any digit).')).toBeTruthy();
    expect(screen.getByLabelText('Area code').getAttribute('aria-invalid')).toBe('true');
    expect(channelsCalled(calls)).not.toContain('numbers:search');
  });

  it('lists US first, sends only what was filled in, and shows each result with place, capabilities and price', async () => {
    const { calls } = await searchFor415(purchaseHandlers());
    const country = screen.getByLabelText<HTMLSelectElement>('Country');
    expect(country.value).toBe('US');
    expect(within(country).getAllByRole('option')[0]?.textContent).toBe('United States');
    expect(calls.find((call) => call.channel === 'numbers:search')?.input).toEqual({
      country: 'US',
      type: 'local',
      areaCode: '415',
      capabilities: { voice: true, sms: false, mms: false },
    });
    const results = screen.getAllByRole('listitem').filter((item) => item.className.includes('result'));
    expect(results).toHaveLength(3);
    expect(results[0]?.textContent).toMatch(/\(415\) 555-0101.*San Francisco, CA.*Voice.*SMS.*\$1\.15/);
  });

  it('says so when Twilio has no numbers, and suggests another area code or city', async () => {
    const { user } = await openNumbersScreen(
      purchaseHandlers({ 'numbers:search': () => ({ numbers: [], monthlyPrice: null }) }),
    );
    await user.click(await screen.findByRole('button', { name: 'Buy Number' }));
    await screen.findByRole('option', { name: 'United States' });
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Twilio has no numbers that match')).toBeTruthy();
    expect(screen.getByText(/another area code or city/)).toBeTruthy();
  });

  it('shows "typical" on results whose price Twilio could not give', async () => {
    await searchFor415(
      purchaseHandlers({
        'numbers:search': () => ({
          ...SEARCH_RESULT,
          monthlyPrice: { amount: '1.15', currency: 'USD', source: 'typical', asOf: null },
        }),
      }),
    );
    const results = screen.getByRole('region', { name: 'Search results' });
    expect(within(results).getAllByText('typical')).toHaveLength(4); // three labels and the explanation
    expect(within(results).getByText(/could not get this price from Twilio/)).toBeTruthy();
  });

  it('tells trial accounts they can own one number', async () => {
    const { user } = await openNumbersScreen({
      ...purchaseHandlers(),
      'connection:getStatus': () => connected('Trial'),
    });
    await user.click(await screen.findByRole('button', { name: 'Buy Number' }));
    expect(screen.getByText(/trial accounts can own one phone number/)).toBeTruthy();
  });
});

describe('Buy Number → confirm and buy', () => {
  it('states the monthly charge and the balance, then buys exactly once on a double click', async () => {
    const buy = deferred<{ number: OwnedNumber }>();
    let owned = THREE_NUMBERS;
    const { user, calls } = await searchFor415(
      purchaseHandlers({
        'numbers:list': () => numberList(owned),
        'purchases:buy': async () => {
          const result = await buy.promise;
          owned = [...owned, result.number];
          return result;
        },
      }),
    );
    const dialog = await chooseNumber(user, '(415) 555-0102');
    expect(calls.find((call) => call.channel === 'purchases:quote')?.input).toEqual({
      phoneNumber: '+14155550102',
      country: 'US',
      type: 'local',
    });
    await within(dialog).findByText(/Twilio bills \$1\.15 to your Twilio account every month until you release/);
    expect(within(dialog).getByText('$20.00')).toBeTruthy();

    const confirm = within(dialog).getByRole('button', { name: 'Buy number' });
    await user.dblClick(confirm);
    expect(within(dialog).getByRole('button', { name: 'Buying…' })).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Buying…' }));

    await act(async () => {
      buy.resolve({ number: bought('+14155550102') });
      await buy.promise;
    });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    // The quote's confirmation, and nothing else: main knows the number and the price it was issued for.
    expect(buyCalls(calls)).toEqual([{ confirmationId: quotedConfirmations()[0] }]);
    expect(numberConfirmedBy(quotedConfirmations()[0] ?? '')).toBe('+14155550102');
    expect(screen.getByText(/You bought \(415\) 555-0102\. Twilio bills \$1\.15 a month/)).toBeTruthy();
    // Back on the list, which was read again and has the new number.
    expect(screen.queryByRole('region', { name: 'Search results' })).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('number-row')).toHaveLength(4));
    expect(screen.getByText('(415) 555-0102')).toBeTruthy();
  });

  it('retries with the same confirmation when Twilio may have bought the number', async () => {
    let attempts = 0;
    const { user, calls } = await searchFor415(
      purchaseHandlers({
        'purchases:buy': ({ confirmationId }) => {
          attempts += 1;
          if (attempts === 1) throw appError('twilio_unavailable');
          return { number: bought(numberConfirmedBy(confirmationId)) };
        },
      }),
    );
    const dialog = await chooseNumber(user, '(415) 555-0101');
    await user.click(await within(dialog).findByRole('button', { name: 'Buy number' }));
    expect(await within(dialog).findByText('Twilio did not respond')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const sent = buyCalls(calls);
    expect(sent).toHaveLength(2);
    expect(quotedConfirmations()).toHaveLength(1);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('asks main for a new quote after a failure that bought nothing, and buys with its confirmation', async () => {
    let attempts = 0;
    const { user, calls } = await searchFor415(
      purchaseHandlers({
        'purchases:buy': ({ confirmationId }) => {
          attempts += 1;
          if (attempts === 1) throw appError('rate_limited');
          return { number: bought(numberConfirmedBy(confirmationId)) };
        },
      }),
    );
    const dialog = await chooseNumber(user, '(415) 555-0101');
    await user.click(await within(dialog).findByRole('button', { name: 'Buy number' }));
    expect(await within(dialog).findByText('Twilio asked Gleam to slow down')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const [first, second] = quotedConfirmations();
    expect(buyCalls(calls)).toEqual([{ confirmationId: first }, { confirmationId: second }]);
    expect(second).not.toBe(first);
  });

  it('says when the price changed before buying, shows the new one, and buys only at it when confirmed again', async () => {
    let price = '1.15';
    const { user, calls } = await searchFor415(
      purchaseHandlers({
        'purchases:quote': ({ phoneNumber }) => {
          const id = crypto.randomUUID();
          confirmedNumbers.set(id, phoneNumber);
          const monthlyPrice = { amount: price, currency: 'USD', source: 'twilio' as const, asOf: null };
          return { ...GOOD_QUOTE, monthlyPrice, confirmation: { id, expiresAt: '2026-11-24T10:10:00.000Z' } };
        },
        'purchases:buy': ({ confirmationId }) => {
          if (confirmationId === quotedConfirmations()[0]) {
            price = '1.25';
            throw reasonError({
              reason: 'price_changed_since_confirmed',
              confirmed: { amount: '1.15', currency: 'USD' },
              current: { amount: '1.25', currency: 'USD' },
            });
          }
          return { number: bought(numberConfirmedBy(confirmationId)) };
        },
      }),
    );
    const dialog = await chooseNumber(user, '(415) 555-0101');
    await within(dialog).findByText(/Twilio bills \$1\.15/);
    await user.click(within(dialog).getByRole('button', { name: 'Buy number' }));
    expect(
      await within(dialog).findByText('The monthly price changed from $1.15 to $1.25 since you confirmed'),
    ).toBeTruthy();
    await within(dialog).findByText(/Twilio bills \$1\.25/);
    expect(buyCalls(calls)).toHaveLength(1);

    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(buyCalls(calls)).toEqual([
      { confirmationId: quotedConfirmations()[0] },
      { confirmationId: quotedConfirmations()[1] },
    ]);
  });

  it('keeps Buy off while main has issued no confirmation', async () => {
    const { user, calls } = await searchFor415(
      purchaseHandlers({ 'purchases:quote': () => ({ ...GOOD_QUOTE, confirmation: null }) }),
    );
    const dialog = await chooseNumber(user, '(415) 555-0101');
    await within(dialog).findByText(/Twilio bills \$1\.15/);
    const buy = within(dialog).getByRole('button', { name: 'Buy number' });
    expect(buy).toHaveProperty('disabled', true);
    await user.click(buy);
    expect(buyCalls(calls)).toEqual([]);
  });

  it('asks for a new confirmation for a new dialog', async () => {
    const { user, calls } = await searchFor415(
      purchaseHandlers({
        'purchases:buy': () => {
          throw appError('twilio_unavailable');
        },
      }),
    );
    let dialog = await chooseNumber(user, '(415) 555-0101');
    await user.click(await within(dialog).findByRole('button', { name: 'Buy number' }));
    await within(dialog).findByText('Twilio did not respond');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    dialog = await chooseNumber(user, '(415) 555-0101');
    await user.click(await within(dialog).findByRole('button', { name: 'Buy number' }));
    await within(dialog).findByText('Twilio did not respond');
    const [first, second] = buyCalls(calls);
    expect(quotedConfirmations()).toHaveLength(2);
    expect(first).toEqual({ confirmationId: quotedConfirmations()[0] });
    expect(second).toEqual({ confirmationId: quotedConfirmations()[1] });
  });

  it.each<[string, PurchaseQuote, RegExp]>([
    [
      'the balance is too low',
      { ...GOOD_QUOTE, balance: { amount: '0.50', currency: 'USD' }, balanceSufficient: false },
      /balance \(\$0\.50\) is too low to buy this number/,
    ],
    [
      'a trial account already owns a number',
      { ...GOOD_QUOTE, trialAccount: true, ownedCount: 1 },
      /trial account can own only one phone number, and this account already has one/,
    ],
  ])('blocks buying before any purchase when %s', async (_case, quote, message) => {
    const { user, calls } = await searchFor415(purchaseHandlers({ 'purchases:quote': () => quote }));
    const dialog = await chooseNumber(user, '(415) 555-0101');
    const reason = await within(dialog).findByText(message);
    const confirm = within(dialog).getByRole('button', { name: 'Buy number' });
    expect(confirm).toHaveProperty('disabled', true);
    expect(reason.closest('[id]')?.id).toBe(confirm.getAttribute('aria-describedby'));
    await user.click(confirm);
    expect(channelsCalled(calls)).not.toContain('purchases:buy');
  });

  it('says why there is no balance for a subaccount', async () => {
    const { user } = await searchFor415(
      purchaseHandlers({
        'purchases:quote': () => ({
          ...GOOD_QUOTE,
          balance: null,
          balanceUnknown: 'subaccount',
          balanceSufficient: null,
        }),
      }),
    );
    const dialog = await chooseNumber(user, '(415) 555-0101');
    expect(
      await within(dialog).findByText('Subaccounts have no balance of their own; the main account pays.'),
    ).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Buy number' })).toHaveProperty('disabled', false);
  });

  it('keeps the other results when the chosen number was taken, and says to pick another', async () => {
    const { user, calls } = await searchFor415(
      purchaseHandlers({
        'purchases:buy': () => {
          throw appError('number_not_available');
        },
      }),
    );
    const dialog = await chooseNumber(user, '(415) 555-0102');
    await user.click(await within(dialog).findByRole('button', { name: 'Buy number' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Number not available')).toBeTruthy();
    expect(within(alert).getByText(/payment method/)).toBeTruthy();
    expect(screen.getByText('Pick another number from these results.')).toBeTruthy();

    expect(screen.queryByRole('button', { name: 'Buy (415) 555-0102…' })).toBeNull();
    expect(screen.getByText('No longer available')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Buy (415) 555-0101…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Buy (415) 555-0103…' })).toBeTruthy();
    expect(channelsCalled(calls).filter((channel) => channel === 'numbers:search')).toHaveLength(1);
  });

  it.each(['insufficient_funds', 'trial_limit'] as const)(
    'shows "%s" from Twilio in the dialog, with its hints',
    async (code) => {
      const { user } = await searchFor415(
        purchaseHandlers({
          'purchases:buy': () => {
            throw appError(code);
          },
        }),
      );
      const dialog = await chooseNumber(user, '(415) 555-0101');
      await user.click(await within(dialog).findByRole('button', { name: 'Buy number' }));
      const alert = await within(dialog).findByRole('alert');
      expect(alert.textContent).toContain(appError(code).data.message);
      expect(within(alert).getAllByRole('listitem').length).toBeGreaterThan(0);
    },
  );

  it('shows a search error such as no numbers in that area code', async () => {
    const { user } = await openNumbersScreen(
      purchaseHandlers({
        'numbers:search': () => {
          throw appError('no_numbers_in_area');
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Buy Number' }));
    await screen.findByRole('option', { name: 'United States' });
    await user.type(screen.getByLabelText('Area code'), '999');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('No numbers are available in that area code')).toBeTruthy();
  });
});
