/** Numbers, lists and quotes for this feature's tests, shaped by the contract's types. */
import type { ConnectionStatus } from '../../../shared/domain/connection';
import type {
  AvailableNumber,
  NumberList,
  OwnedNumber,
  PurchaseQuote,
  SearchResult,
} from '../../../shared/domain/numbers';

export const connected = (type: 'Trial' | 'Full' = 'Full'): ConnectionStatus => ({
  state: 'connected',
  account: { sidMask: 'AC0123…cdef', friendlyName: 'Acme Plumbing', status: 'active', type, isSubaccount: false },
  tokenStorage: 'encrypted',
  tokenStorageReason: null,
  lastVerifiedAt: '2026-11-24T10:00:00.000Z',
  messagingService: null,
});

/** A valid number SID (PN + 32 hex digits) that differs per index. */
export const sidFor = (index: number) => `PN${index.toString(16).padStart(32, '0')}`;

export function ownedNumber(index: number, overrides: Partial<OwnedNumber> = {}): OwnedNumber {
  // Four area codes in turn, so searches by area code have something to tell apart.
  const areas = ['415', '212', '646', '800'];
  const area = areas[index % areas.length] ?? '415';
  const line = String(Math.floor(index / areas.length)).padStart(4, '0');
  return {
    sid: sidFor(index),
    phoneNumber: `+1${area}555${line}`,
    friendlyName: `Line ${index}`,
    type: area === '800' ? 'toll-free' : 'local',
    isoCountry: 'US',
    capabilities: { voice: true, sms: index % 2 === 0, mms: index % 3 === 0, fax: false },
    monthlyPrice: { amount: '1.15', currency: 'USD', source: 'twilio', asOf: '2026-11-24T10:00:00.000Z' },
    webhookState: 'none',
    assignment: null,
    inMessagingService: null,
    dateCreated: `2026-0${(index % 9) + 1}-15T12:00:00.000Z`,
    syncedAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}

export const THREE_NUMBERS: OwnedNumber[] = [
  ownedNumber(1, {
    phoneNumber: '+14155550100',
    friendlyName: 'Front desk',
    webhookState: 'external',
  }),
  ownedNumber(2, {
    phoneNumber: '+12125550199',
    friendlyName: 'Emergency line',
    monthlyPrice: { amount: '1.15', currency: 'USD', source: 'typical', asOf: null },
    capabilities: { voice: true, sms: true, mms: true, fax: false },
  }),
  ownedNumber(3, {
    phoneNumber: '+18005550123',
    friendlyName: 'Toll-free bookings',
    type: 'toll-free',
    monthlyPrice: { amount: '2.15', currency: 'USD', source: 'twilio', asOf: '2026-11-24T10:00:00.000Z' },
    capabilities: { voice: true, sms: false, mms: false, fax: false },
    webhookState: 'override',
  }),
];

export function numberList(numbers: OwnedNumber[], overrides: Partial<NumberList> = {}): NumberList {
  return {
    account: { sidMask: 'AC0123…cdef', friendlyName: 'Acme Plumbing', connected: true },
    numbers,
    lastSyncedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

export function availableNumber(phoneNumber: string, overrides: Partial<AvailableNumber> = {}): AvailableNumber {
  return {
    phoneNumber,
    friendlyName: phoneNumber,
    locality: 'San Francisco',
    region: 'CA',
    postalCode: null,
    isoCountry: 'US',
    capabilities: { voice: true, sms: true, mms: false, fax: false },
    addressRequired: false,
    ...overrides,
  };
}

export const SEARCH_RESULT: SearchResult = {
  numbers: [availableNumber('+14155550101'), availableNumber('+14155550102'), availableNumber('+14155550103')],
  monthlyPrice: { amount: '1.15', currency: 'USD', source: 'twilio', asOf: '2026-11-24T10:00:00.000Z' },
};

export const GOOD_QUOTE: PurchaseQuote = {
  monthlyPrice: { amount: '1.15', currency: 'USD', source: 'twilio', asOf: '2026-11-24T10:00:00.000Z' },
  confirmation: { id: '7d0e8c56-3f4a-4b8e-9c21-5a6f0e1d2b3c', expiresAt: '2026-11-24T10:10:00.000Z' },
  balance: { amount: '20.00', currency: 'USD' },
  balanceUnknown: null,
  balanceSufficient: true,
  trialAccount: false,
  ownedCount: 3,
};

export const COUNTRIES = {
  countries: [
    { code: 'US', name: 'United States' },
    { code: 'CA', name: 'Canada' },
    { code: 'GB', name: 'United Kingdom' },
  ],
};

/** A promise the test settles when it chooses, to look at the screen while main is "working". */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}
