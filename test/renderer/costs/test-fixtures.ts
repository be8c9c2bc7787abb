/** Cost summaries for this feature's tests, shaped by the contract's types. */
import {
  NO_USAGE,
  type AgentCosts,
  type CostSummary,
  type CostSyncResult,
  type MonthCosts,
  type NumberCosts,
} from '../../../shared/domain/costs';

export const SYNCED_AT = '2026-11-24T10:00:00.000Z';

/** The 12 months a summary made on 24 November 2026 covers, oldest first. */
export const MONTHS = Array.from({ length: 12 }, (_, index) => {
  const date = new Date(Date.UTC(2025, 11 + index, 1));
  return date.toISOString().slice(0, 7);
});

export function monthCosts(month: string, overrides: Partial<MonthCosts> = {}): MonthCosts {
  return {
    month,
    inboundMinutes: 120,
    outboundMinutes: 30,
    inboundSegments: 40,
    outboundSegments: 25,
    callsCostMicros: 1_440_000,
    smsCostMicros: 513_500,
    numbersCostMicros: 5_600_000,
    otherCostMicros: 250_000,
    totalCostMicros: 7_803_500,
    recorded: true,
    ...overrides,
  };
}

export function numberCosts(phoneNumber: string, overrides: Partial<NumberCosts> = {}): NumberCosts {
  return {
    ...NO_USAGE,
    phoneNumber,
    friendlyName: 'Front desk',
    released: false,
    agent: null,
    ...overrides,
  };
}

export function agentCosts(agent: AgentCosts['agent'], overrides: Partial<AgentCosts> = {}): AgentCosts {
  return { ...NO_USAGE, agent, numbers: 1, ...overrides };
}

/** A month with no usage records saved. */
export const EMPTY_MONTH: Partial<MonthCosts> = {
  inboundMinutes: 0,
  outboundMinutes: 0,
  inboundSegments: 0,
  outboundSegments: 0,
  callsCostMicros: 0,
  smsCostMicros: 0,
  numbersCostMicros: 0,
  otherCostMicros: 0,
  totalCostMicros: 0,
  recorded: false,
};

export const FRONT_DESK_REF = { id: '0b7f6c1e-3d2a-4c5b-8e9f-1a2b3c4d5e6f', name: 'Front Desk' };

/** A connected US account, synced on 24 November 2026, with no saved figures for its first three months. */
export function costSummary(overrides: Partial<CostSummary> = {}): CostSummary {
  return {
    account: { friendlyName: 'Acme Plumbing', connected: true },
    currency: 'USD',
    asOf: { usage: SYNCED_AT, records: SYNCED_AT },
    balance: { state: 'known', amount: '20.505', currency: 'USD', asOf: SYNCED_AT },
    recurring: {
      byType: [
        {
          type: 'local',
          country: 'US',
          count: 3,
          unitPrice: { amount: '1.15', currency: 'USD', source: 'twilio', asOf: SYNCED_AT },
          monthlyMicros: 3_450_000,
        },
        {
          type: 'toll-free',
          country: 'US',
          count: 1,
          unitPrice: { amount: '2.15', currency: 'USD', source: 'twilio', asOf: SYNCED_AT },
          monthlyMicros: 2_150_000,
        },
      ],
      totalMicros: 5_600_000,
      currency: 'USD',
      includesTypical: false,
      unpriced: 0,
    },
    months: MONTHS.map((month, index) => monthCosts(month, index < 3 ? { ...EMPTY_MONTH } : {})),
    monthToDate: {
      month: '2026-11',
      spentMicros: 12_345_000,
      projectedMicros: 15_025_500,
      daysElapsed: 24,
      daysInMonth: 30,
    },
    month: '2026-11',
    byNumber: [
      numberCosts('+14155550100', {
        agent: FRONT_DESK_REF,
        inboundCalls: 14,
        inboundMinutes: 52,
        outboundCalls: 3,
        outboundMinutes: 7,
        inboundMessages: 9,
        inboundSegments: 11,
        outboundMessages: 4,
        outboundSegments: 6,
        callsCostMicros: 12_000_000,
        smsCostMicros: 344_999,
        totalCostMicros: 12_344_999,
      }),
      numberCosts('+12125550199', {
        friendlyName: null,
        released: true,
        inboundCalls: 1,
        inboundMinutes: 3,
        totalCostMicros: 25_500,
      }),
    ],
    byAgent: [
      agentCosts(FRONT_DESK_REF, {
        inboundMinutes: 52,
        outboundMinutes: 7,
        inboundSegments: 11,
        outboundSegments: 6,
        totalCostMicros: 12_344_999,
      }),
      agentCosts(null, { inboundMinutes: 3, totalCostMicros: 25_500 }),
    ],
    ...overrides,
  };
}

/** What main answers before any cost sync: everything empty, nothing as of any time. */
export function neverSynced(overrides: Partial<CostSummary> = {}): CostSummary {
  return costSummary({
    asOf: { usage: null, records: null },
    balance: { state: 'unknown' },
    months: MONTHS.map((month) => monthCosts(month, EMPTY_MONTH)),
    monthToDate: null,
    byNumber: [],
    byAgent: [],
    ...overrides,
  });
}

export const SYNC_RESULT: CostSyncResult = { syncedAt: SYNCED_AT, newCalls: 3, newMessages: 1 };
