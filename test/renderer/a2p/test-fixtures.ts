/** A2P statuses and registrations for this feature's tests, shaped by the contract's types. */
import type { A2pStatus, Brand, BusinessProfile, Campaign } from '../../../shared/domain/a2p';
import type { ConnectionStatus, MessagingServiceSummary } from '../../../shared/domain/connection';
import { connected } from '../numbers/test-fixtures';

export const AS_OF = '2026-11-24T10:00:00.000Z';
export const SERVICE: MessagingServiceSummary = { sid: `MG${'a'.repeat(32)}`, friendlyName: 'Front desk texts' };

/** A connected account with this Messaging Service set in Settings (or none). */
export function connectedWith(messagingService: MessagingServiceSummary | null): ConnectionStatus {
  const status = connected();
  return status.state === 'connected' ? { ...status, messagingService } : status;
}

/** Read from Twilio at AS_OF, with SERVICE set and nothing registered unless given. */
export function a2pStatus(overrides: Partial<A2pStatus> = {}): A2pStatus {
  return {
    account: { friendlyName: 'Acme Plumbing' },
    messagingService: SERVICE,
    asOf: AS_OF,
    profiles: [],
    brands: [],
    campaigns: [],
    ...overrides,
  };
}

export function profile(overrides: Partial<BusinessProfile> = {}): BusinessProfile {
  return {
    sid: `BU${'1'.repeat(32)}`,
    stage: 'approved',
    twilioStatus: 'twilio-approved',
    friendlyName: 'Acme Plumbing LLC',
    validUntil: '2027-11-24T10:00:00.000Z',
    issues: [],
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}

export function brand(overrides: Partial<Brand> = {}): Brand {
  return {
    sid: `BN${'1'.repeat(32)}`,
    stage: 'approved',
    twilioStatus: 'APPROVED',
    brandType: 'STANDARD',
    identityStatus: 'VERIFIED',
    failureReason: null,
    issues: [],
    updatedAt: '2026-11-10T10:00:00.000Z',
    ...overrides,
  };
}

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    sid: `QE${'1'.repeat(32)}`,
    stage: 'approved',
    twilioStatus: 'VERIFIED',
    useCase: 'CUSTOMER_CARE',
    brandSid: `BN${'1'.repeat(32)}`,
    issues: [],
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** Everything approved: the account can text US numbers. */
export const ALL_APPROVED = a2pStatus({ profiles: [profile()], brands: [brand()], campaigns: [campaign()] });
