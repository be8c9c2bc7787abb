/**
 * HTTP client of the fake's control API. Fixtures use this rather than the
 * FakeState object because the fake may run in another process.
 */
import type {
  AccountPatch,
  AddNumberToServiceInput,
  BrandPatch,
  CampaignPatch,
  CustomerProfilePatch,
  FakeTwilioHosts,
  FaultInput,
  OwnedNumberPatch,
  RecordedRequest,
  RequestFilter,
  SeedAccountInput,
  SeedAvailableNumbersInput,
  SeedBrandInput,
  SeedCallInput,
  SeedCampaignInput,
  SeedCustomerProfileInput,
  SeededAccount,
  SeededBrand,
  SeededCall,
  SeededCampaign,
  SeededCustomerProfile,
  SeededMessage,
  SeededMessagingService,
  SeededNumber,
  SeededServiceNumber,
  SeedMessageInput,
  SeedMessagingServiceInput,
  SeedOwnedNumberInput,
  SeedOwnedNumbersInput,
  SeedUsageRecordInput,
  SetPricesInput,
} from './control-schema';

export type * from './control-schema';

/** A control call the fake refused; `message` is the fake's explanation. */
export class FakeTwilioControlError extends Error {
  readonly status: number;

  constructor(status: number, method: string, path: string, detail: string) {
    super(`fake Twilio control ${method} ${path} failed (${status}): ${detail}`);
    this.name = 'FakeTwilioControlError';
    this.status = status;
  }
}

export class FakeTwilioControl {
  private readonly baseUrl: string;

  constructor(controlUrl: string) {
    this.baseUrl = controlUrl.replace(/\/+$/, '');
  }

  /** The base URL of each Twilio host, for a fake started elsewhere. */
  async hosts(): Promise<FakeTwilioHosts> {
    return (await this.call<{ hosts: FakeTwilioHosts }>('GET', '/hosts')).hosts;
  }

  /** Seeds an account; SID and token are random (and valid) unless given. */
  seedAccount(input: SeedAccountInput = {}): Promise<SeededAccount> {
    return this.call('POST', '/accounts', input);
  }

  updateAccount(sid: string, patch: AccountPatch): Promise<SeededAccount> {
    return this.call('PATCH', `/accounts/${encodeURIComponent(sid)}`, patch);
  }

  seedMessagingService(input: SeedMessagingServiceInput): Promise<SeededMessagingService> {
    return this.call('POST', '/messaging-services', input);
  }

  /** A service as it is now, e.g. after the app updated it (`useInboundWebhookOnNumber` and all). */
  messagingService(sid: string): Promise<SeededMessagingService> {
    return this.call('GET', `/messaging-services/${encodeURIComponent(sid)}`);
  }

  /**
   * Puts an owned number in a service's sender pool "outside the app", with
   * the API's rules: refused (400 or 409) for a number of another account,
   * one already in a service, one without SMS or MMS, or a full pool.
   */
  addNumberToService(input: AddNumberToServiceInput): Promise<SeededServiceNumber> {
    const { serviceSid, numberSid } = input;
    return this.call('POST', `/messaging-services/${encodeURIComponent(serviceSid)}/numbers`, { numberSid });
  }

  /** The PN SIDs in a service's sender pool, in the order they joined. */
  async serviceNumbers(serviceSid: string): Promise<string[]> {
    const path = `/messaging-services/${encodeURIComponent(serviceSid)}/numbers`;
    return (await this.call<{ numberSids: string[] }>('GET', path)).numberSids;
  }

  /** Gives an account a number (taking it out of the inventory if it is there). */
  seedOwnedNumber(input: SeedOwnedNumberInput): Promise<SeededNumber> {
    return this.call('POST', '/owned-numbers', input);
  }

  /** Gives an account `count` numbers at once (+1, area code, seven-digit index); answers only the count. */
  seedOwnedNumbers(input: SeedOwnedNumbersInput): Promise<{ count: number }> {
    return this.call('POST', '/owned-numbers/bulk', input);
  }

  /** An account's numbers in Twilio's list order, e.g. to assert exactly one purchase happened. */
  async ownedNumbers(accountSid: string): Promise<SeededNumber[]> {
    const query = new URLSearchParams({ accountSid }).toString();
    return (await this.call<{ numbers: SeededNumber[] }>('GET', `/owned-numbers?${query}`)).numbers;
  }

  /** Changes a number "outside the app", as someone in the Twilio Console would. */
  updateOwnedNumber(sid: string, patch: OwnedNumberPatch): Promise<SeededNumber> {
    return this.call('PATCH', `/owned-numbers/${encodeURIComponent(sid)}`, patch);
  }

  /** Puts numbers up for sale (replacing the details of any already listed). */
  seedAvailableNumbers(input: SeedAvailableNumbersInput): Promise<{ count: number }> {
    return this.call('POST', '/available-numbers', input);
  }

  /** Takes a number off the market, e.g. someone else bought it between search and purchase. */
  async removeAvailableNumber(phoneNumber: string): Promise<void> {
    await this.call('DELETE', `/available-numbers/${encodeURIComponent(phoneNumber)}`);
  }

  /** Replaces one country's monthly number prices. */
  async setPrices(input: SetPricesInput): Promise<void> {
    await this.call('POST', '/prices', input);
  }

  /**
   * Calls that happened, as Twilio would list them; answers their SIDs in
   * input order. A price is a charge, negative as Twilio writes it
   * ("-0.0085"), or null for a call Twilio has not rated yet.
   */
  seedCalls(accountSid: string, calls: SeedCallInput[]): Promise<{ sids: string[] }> {
    return this.call('POST', '/calls', { accountSid, calls });
  }

  /** Twilio rating a call after the fact: sets its price (null takes it back). */
  rateCall(sid: string, price: string | null): Promise<SeededCall> {
    return this.call('PATCH', `/calls/${encodeURIComponent(sid)}`, { price });
  }

  /** Messages that were sent or received; answers their SIDs in input order. Prices as for seedCalls. */
  seedMessages(accountSid: string, messages: SeedMessageInput[]): Promise<{ sids: string[] }> {
    return this.call('POST', '/messages', { accountSid, messages });
  }

  /** Twilio rating a message after the fact: sets its price (null takes it back). */
  rateMessage(sid: string, price: string | null): Promise<SeededMessage> {
    return this.call('PATCH', `/messages/${encodeURIComponent(sid)}`, { price });
  }

  /**
   * Monthly usage of categories the fake keeps no records for, such as
   * `phonenumbers`; a category and month seeded again replaces the earlier
   * figures. Calls, SMS and the total are computed from the seeded calls and
   * messages, so they cannot be seeded.
   */
  async seedUsageRecords(accountSid: string, records: SeedUsageRecordInput[]): Promise<void> {
    await this.call('POST', '/usage-records', { accountSid, records });
  }

  /**
   * A brand registration of the account, as Twilio lists it; PENDING,
   * STANDARD and without identity status unless given. A FAILED brand
   * carries Twilio's reason: `failureReason` and `errors` ({ code,
   * description, fields }).
   */
  seedBrand(accountSid: string, input: SeedBrandInput = {}): Promise<SeededBrand> {
    return this.call('POST', '/a2p/brands', { accountSid, ...input });
  }

  /** Twilio reviewing a brand later (approving, failing, vetting it); fields left out keep their value. */
  updateBrand(sid: string, patch: BrandPatch): Promise<SeededBrand> {
    return this.call('PATCH', `/a2p/brands/${encodeURIComponent(sid)}`, patch);
  }

  /**
   * A campaign registered on one of the account's Messaging Services;
   * IN_PROGRESS and CUSTOMER_CARE unless given. Twilio approves a campaign
   * by setting it VERIFIED.
   */
  seedCampaign(
    accountSid: string,
    messagingServiceSid: string,
    input: SeedCampaignInput = {},
  ): Promise<SeededCampaign> {
    return this.call('POST', '/a2p/campaigns', { accountSid, messagingServiceSid, ...input });
  }

  /** Twilio reviewing a campaign later; fields left out keep their value. */
  updateCampaign(sid: string, patch: CampaignPatch): Promise<SeededCampaign> {
    return this.call('PATCH', `/a2p/campaigns/${encodeURIComponent(sid)}`, patch);
  }

  /** A Trust Hub business profile (customer profile) of the account; a draft unless given. */
  seedCustomerProfile(accountSid: string, input: SeedCustomerProfileInput = {}): Promise<SeededCustomerProfile> {
    return this.call('POST', '/a2p/customer-profiles', { accountSid, ...input });
  }

  /** Twilio reviewing a business profile later; fields left out keep their value. */
  updateCustomerProfile(sid: string, patch: CustomerProfilePatch): Promise<SeededCustomerProfile> {
    return this.call('PATCH', `/a2p/customer-profiles/${encodeURIComponent(sid)}`, patch);
  }

  async requests(filter: RequestFilter = {}): Promise<RecordedRequest[]> {
    const given = Object.entries(filter as Record<string, string | undefined>).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    );
    const query = new URLSearchParams(given).toString();
    const path = query === '' ? '/requests' : `/requests?${query}`;
    return (await this.call<{ requests: RecordedRequest[] }>('GET', path)).requests;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/requests');
  }

  injectFault(fault: FaultInput): Promise<{ id: number }> {
    return this.call('POST', '/faults', fault);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  /** Ends one injected fault (the id injectFault answered), leaving other tests' faults alone. */
  async removeFault(id: number): Promise<void> {
    await this.call('DELETE', `/faults/${id}`);
  }

  /**
   * Forgets all accounts, services, numbers, calls, messages, usage, A2P
   * registrations, requests and faults, restores the default inventory and prices, and ends held
   * connections.
   */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new FakeTwilioControlError(response.status, method, path, errorDetail(text));
    }
    // Our own server's documented shapes; 204s have no body.
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}

function errorDetail(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed && typeof parsed.error === 'string') {
      return parsed.error;
    }
  } catch {
    // Not JSON: show it as is.
  }
  return text;
}
