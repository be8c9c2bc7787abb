/**
 * What a just-started (or reset) fake sells: a deterministic inventory of
 * available numbers and Twilio's list prices for them. No randomness, so a
 * test can name a number it expects to find ("+14155550100") and screenshots
 * stay stable.
 *
 * Every number is in a range that can never reach a real subscriber: NANP
 * 555-0100…0199 is reserved for fiction, as is Ofcom's 07700 900xxx.
 */
import type { NumberType, PriceNumberType } from './control-schema';
import type { FakeAvailableNumber, FakePriceList } from './state';

/** Names as Twilio's Pricing and AvailablePhoneNumbers APIs spell them. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  US: 'United States',
  CA: 'Canada',
  GB: 'United Kingdom',
};

/** A country the catalog has no name for is shown by its code rather than invented. */
export function countryName(isoCountry: string): string {
  return COUNTRY_NAMES[isoCountry] ?? isoCountry;
}

/** The same types as Pricing spells them. */
export const PRICE_NUMBER_TYPE: Readonly<Record<NumberType, PriceNumberType>> = {
  local: 'local',
  'toll-free': 'toll free',
  mobile: 'mobile',
};

export function defaultPriceLists(): FakePriceList[] {
  const list = (isoCountry: string, prices: [PriceNumberType, string][]): FakePriceList => ({
    isoCountry,
    country: countryName(isoCountry),
    priceUnit: 'USD',
    prices: prices.map(([numberType, price]) => ({ numberType, basePrice: price, currentPrice: price })),
  });
  return [
    list('US', [
      ['local', '1.15'],
      ['toll free', '2.15'],
    ]),
    list('CA', [
      ['local', '1.15'],
      ['toll free', '2.15'],
    ]),
    list('GB', [
      ['local', '1.15'],
      ['mobile', '1.15'],
    ]),
  ];
}

interface Place {
  locality: string;
  region: string;
  postalCode: string;
  rateCenter: string;
  latitude: string;
  longitude: string;
  /** How many consecutive numbers of the area code are here. */
  count: number;
}

interface LocalArea {
  isoCountry: 'US' | 'CA';
  areaCode: string;
  lata: string | null;
  places: Place[];
}

const place = (
  locality: string,
  region: string,
  postalCode: string,
  rateCenter: string,
  [latitude, longitude]: [string, string],
  count = 40,
): Place => ({ locality, region, postalCode, rateCenter, latitude, longitude, count });

const LOCAL_AREAS: readonly LocalArea[] = [
  {
    isoCountry: 'US',
    areaCode: '415',
    lata: '722',
    // Two localities in one area code, so locality and postal-code filters have something to tell apart.
    places: [
      place('San Francisco', 'CA', '94105', 'SNFC CNTRL', ['37.788500', '-122.399700'], 30),
      place('Sausalito', 'CA', '94965', 'SAUSALITO', ['37.859100', '-122.485300'], 10),
    ],
  },
  {
    isoCountry: 'US',
    areaCode: '212',
    lata: '132',
    places: [place('New York', 'NY', '10001', 'NWYRCYZN01', ['40.750600', '-73.997200'])],
  },
  {
    isoCountry: 'US',
    areaCode: '512',
    lata: '558',
    places: [place('Austin', 'TX', '78701', 'AUSTIN', ['30.271100', '-97.743700'])],
  },
  {
    isoCountry: 'US',
    areaCode: '303',
    lata: '656',
    places: [place('Denver', 'CO', '80202', 'DENVER', ['39.752700', '-104.999200'])],
  },
  {
    isoCountry: 'US',
    areaCode: '206',
    lata: '674',
    places: [place('Seattle', 'WA', '98101', 'SEATTLE', ['47.610100', '-122.334400'])],
  },
  {
    isoCountry: 'US',
    areaCode: '617',
    lata: '128',
    places: [place('Boston', 'MA', '02108', 'BOSTON', ['42.357600', '-71.064000'])],
  },
  {
    isoCountry: 'US',
    areaCode: '312',
    lata: '358',
    places: [place('Chicago', 'IL', '60601', 'CHICAGO', ['41.885800', '-87.622900'])],
  },
  {
    isoCountry: 'CA',
    areaCode: '416',
    lata: null,
    places: [place('Toronto', 'ON', 'M5H 2N2', 'TORONTO', ['43.650700', '-79.384100'], 10)],
  },
  {
    isoCountry: 'CA',
    areaCode: '604',
    lata: null,
    places: [place('Vancouver', 'BC', 'V6B 1A1', 'VANCOUVER', ['49.281300', '-123.114200'], 10)],
  },
];

const TOLL_FREE_AREA_CODES = ['800', '888', '877'] as const;
const TOLL_FREE_PER_AREA_CODE = 20;
const GB_MOBILE_COUNT = 10;

/** Mostly voice + SMS + MMS, with every fifth number voice-only and every fifth voice + SMS. */
function localCapabilities(index: number): FakeAvailableNumber['capabilities'] {
  if (index % 5 === 4) return { voice: true, sms: false, mms: false, fax: false };
  if (index % 5 === 3) return { voice: true, sms: true, mms: false, fax: false };
  return { voice: true, sms: true, mms: true, fax: false };
}

/** Line 0100 + index of the 555 exchange: the NANP's fictional range. */
const fictionalLine = (index: number) => `55501${String(index).padStart(2, '0')}`;

function unplaced(phoneNumber: string, isoCountry: string, type: NumberType): FakeAvailableNumber {
  return {
    phoneNumber,
    isoCountry,
    type,
    locality: null,
    region: null,
    postalCode: null,
    lata: null,
    rateCenter: null,
    latitude: null,
    longitude: null,
    addressRequirements: 'none',
    beta: false,
    capabilities: { voice: true, sms: true, mms: false, fax: false },
  };
}

export function defaultInventory(): FakeAvailableNumber[] {
  const numbers: FakeAvailableNumber[] = [];
  for (const area of LOCAL_AREAS) {
    let index = 0;
    for (const where of area.places) {
      for (let n = 0; n < where.count; n += 1, index += 1) {
        numbers.push({
          phoneNumber: `+1${area.areaCode}${fictionalLine(index)}`,
          isoCountry: area.isoCountry,
          type: 'local',
          locality: where.locality,
          region: where.region,
          postalCode: where.postalCode,
          lata: area.lata,
          rateCenter: where.rateCenter,
          latitude: where.latitude,
          longitude: where.longitude,
          addressRequirements: 'none',
          beta: false,
          capabilities: localCapabilities(index),
        });
      }
    }
  }
  for (const areaCode of TOLL_FREE_AREA_CODES) {
    for (let index = 0; index < TOLL_FREE_PER_AREA_CODE; index += 1) {
      numbers.push(unplaced(`+1${areaCode}${fictionalLine(index)}`, 'US', 'toll-free'));
    }
  }
  for (let index = 0; index < GB_MOBILE_COUNT; index += 1) {
    numbers.push(unplaced(`+447700900${String(100 + index)}`, 'GB', 'mobile'));
  }
  return numbers;
}
