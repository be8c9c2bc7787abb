import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { A2pStatus } from '../../../shared/domain/a2p';
import { appError, reasonError } from '../../../shared/errors';
import { formatDateTime } from '../../../renderer/src/lib/format-date';
import { inputsTo } from '../support/fake-bridge';
import { deferred } from '../numbers/test-fixtures';
import { a2pStatus, ALL_APPROVED, AS_OF, brand, campaign, connectedWith, profile, SERVICE } from './test-fixtures';
import { a2pRegion, openA2pSection, refreshStatusButton, stepItem } from './test-kit';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The note a disabled Refresh status points to. */
const blockedReason = () =>
  document.getElementById(refreshStatusButton().getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('A2P 10DLC → the three steps', () => {
  it('explains the steps in plain words, with the Console page of each, before any account is connected', async () => {
    const { calls } = await openA2pSection({
      'connection:getStatus': () => ({ state: 'disconnected', previousAccount: null }),
      'a2p:status': () => a2pStatus({ account: null, messagingService: null, asOf: null, campaigns: null }),
    });
    const region = a2pRegion();
    expect(region.textContent).toContain('one to two weeks');
    expect(region.textContent).toContain('local (10-digit) numbers');

    for (const [title, page] of [
      ['Business profile', 'https://console.twilio.com/us1/account/trust-hub/customer-profiles'],
      ['Brand', 'https://console.twilio.com/us1/develop/sms/regulatory-compliance/brands'],
      ['Campaign', 'https://console.twilio.com/us1/develop/sms/regulatory-compliance/campaigns'],
    ] as const) {
      const step = stepItem(title);
      expect(within(step).getByText('Unknown')).toBeTruthy();
      const link = within(step).getByRole('link', {
        name: new RegExp(`Open ${title.toLowerCase()}s in the Twilio Console`),
      });
      expect(link.getAttribute('href')).toBe(page);
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(refreshStatusButton()).toHaveProperty('disabled', true);
    expect(blockedReason()).toBe('Connect your Twilio account above to see where your registration stands.');
    expect(inputsTo(calls, 'a2p:refresh')).toEqual([]);
  });

  it('shows each step approved, with what it is, and when the status was read', async () => {
    await openA2pSection();
    await waitFor(() => expect(stepItem('Campaign').textContent).toContain('Approved'));
    expect(screen.getByRole('listitem', { name: '1. Business profile Approved' })).toBeTruthy();
    expect(screen.getByRole('listitem', { name: '2. Brand Approved' })).toBeTruthy();
    expect(screen.getByRole('listitem', { name: '3. Campaign Approved' })).toBeTruthy();
    expect(stepItem('Business profile').textContent).toContain('Acme Plumbing LLC');
    expect(stepItem('Brand').textContent).toContain('Standard brand · identity verified');
    expect(stepItem('Campaign').textContent).toContain('For customer care');
    expect(stepItem('Campaign').textContent).toContain('Twilio status: VERIFIED');
    expect(within(a2pRegion()).getByText(formatDateTime(AS_OF)).tagName).toBe('TIME');
    expect(refreshStatusButton()).toHaveProperty('disabled', false);
  });

  it('says a step in review takes one to two weeks, and goes by the registration furthest along', async () => {
    await openA2pSection({
      'a2p:status': () =>
        a2pStatus({
          profiles: [profile()],
          brands: [
            brand({ sid: `BN${'2'.repeat(32)}`, stage: 'failed', twilioStatus: 'FAILED' }),
            brand({ stage: 'in_review', twilioStatus: 'IN_REVIEW', identityStatus: null }),
          ],
        }),
    });
    const step = await waitFor(() => screen.getByRole('listitem', { name: '2. Brand In review' }));
    expect(step.textContent).toContain('usually takes one to two weeks; there is nothing to do meanwhile');
    expect(step.textContent).toContain('your account has 2 brands; this is the one furthest along');
    expect(stepItem('Campaign').textContent).toContain('Not started');
  });

  it('lists why Twilio refused a step, in its words, with the fields to correct and its page about the error', async () => {
    await openA2pSection({
      'a2p:status': () =>
        a2pStatus({
          profiles: [profile()],
          brands: [
            brand({
              stage: 'failed',
              twilioStatus: 'FAILED',
              failureReason: 'Registration error',
              issues: [
                { code: 30701, description: 'Invalid State/Region/Province.', fields: ['region', 'POSTAL_CODE'] },
              ],
            }),
          ],
          campaigns: [
            campaign({
              stage: 'failed',
              twilioStatus: 'FAILED',
              issues: [{ code: 30897, description: null, fields: [] }],
            }),
          ],
        }),
    });
    const step = await waitFor(() => screen.getByRole('listitem', { name: '2. Brand Not approved' }));
    const reasons = within(step)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(reasons).toEqual([
      'Registration error',
      'Invalid State/Region/Province. To correct: region, postal code. About error 30701',
    ]);
    expect(within(step).getByRole('link', { name: 'About error 30701' }).getAttribute('href')).toBe(
      'https://www.twilio.com/docs/api/errors/30701',
    );
    expect(step.textContent).toContain('Correct what Twilio found in the Twilio Console, then submit it again.');
    expect(stepItem('Campaign').textContent).toContain('Twilio reported error 30897.');
  });

  it('explains what to do when nothing is registered yet', async () => {
    await openA2pSection({ 'a2p:status': () => a2pStatus() });
    const start = await within(a2pRegion()).findByRole('link', {
      name: 'Start A2P 10DLC registration in the Twilio Console',
    });
    expect(start.getAttribute('href')).toBe(
      'https://console.twilio.com/us1/develop/sms/regulatory-compliance/a2p-onboarding',
    );
    expect(a2pRegion().textContent).toContain('Nothing is registered yet.');
    expect(screen.getByRole('listitem', { name: '1. Business profile Not started' }).textContent).toContain(
      'Create your business profile in the Twilio Console.',
    );
  });
});

describe('A2P 10DLC → the Messaging Service', () => {
  it('says the campaign step needs a Messaging Service, and takes the person to its field in Settings', async () => {
    const { user } = await openA2pSection({
      'connection:getStatus': () => connectedWith(null),
      'a2p:status': () => a2pStatus({ messagingService: null, campaigns: null, profiles: [profile()] }),
    });
    const step = await waitFor(() => screen.getByRole('listitem', { name: '3. Campaign Needs a Messaging Service' }));
    expect(step.textContent).toContain(
      'A campaign is registered on a Messaging Service, and none is set in Gleam yet.',
    );

    await user.click(within(step).getByRole('button', { name: 'Set a Messaging Service in Settings' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Messaging Service SID'));
  });

  it('asks for a refresh when the service was set after the last read, and reads again when it changes', async () => {
    let status: A2pStatus = a2pStatus({ messagingService: null, campaigns: null });
    const { calls, user } = await openA2pSection({
      'connection:getStatus': () => connectedWith(null),
      'connection:setMessagingService': () => connectedWith(SERVICE),
      'a2p:status': () => status,
    });
    await waitFor(() => expect(stepItem('Campaign').textContent).toContain('Needs a Messaging Service'));

    // The service is set in Settings, above: the connection main answers with has it.
    status = a2pStatus({ campaigns: null });
    await user.type(screen.getByLabelText('Messaging Service SID'), SERVICE.sid);
    await user.click(screen.getByRole('button', { name: 'Save Messaging Service' }));
    const step = await waitFor(() => screen.getByRole('listitem', { name: '3. Campaign Not checked yet' }));
    expect(step.textContent).toContain('Your Messaging Service was set after Gleam last checked.');
    expect(inputsTo(calls, 'a2p:status')).toHaveLength(2);
  });
});

describe('A2P 10DLC → refresh', () => {
  it('reads the status from Twilio on request, saying so while it does', async () => {
    const answer = deferred<A2pStatus>();
    const { user, calls } = await openA2pSection({
      'a2p:status': () => a2pStatus({ asOf: null }),
      'a2p:refresh': () => answer.promise,
    });
    expect(await within(a2pRegion()).findByText(/^Not checked with Twilio yet\./)).toBeTruthy();
    expect(screen.getByRole('listitem', { name: '2. Brand Not checked yet' })).toBeTruthy();

    // By keyboard: the button takes focus and Enter presses it.
    refreshStatusButton().focus();
    await user.keyboard('{Enter}');
    expect(await within(a2pRegion()).findByText('Checking with Twilio…')).toBeTruthy();
    expect(refreshStatusButton()).toHaveProperty('disabled', true);

    answer.resolve(ALL_APPROVED);
    await waitFor(() => expect(stepItem('Brand').textContent).toContain('Approved'));
    expect(refreshStatusButton()).toHaveProperty('disabled', false);
    expect(inputsTo(calls, 'a2p:refresh')).toHaveLength(1);
  });

  it('shows what Twilio answered when the refresh fails, keeping the saved status', async () => {
    const { user } = await openA2pSection({
      'a2p:refresh': () => {
        throw reasonError('connected_service_missing');
      },
    });
    await user.click(refreshStatusButton());
    const alert = await within(a2pRegion()).findByRole('alert');
    expect(alert.textContent).toContain(
      'The Messaging Service set in Settings no longer exists in this Twilio account',
    );
    expect(stepItem('Brand').textContent).toContain('Approved');

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(within(a2pRegion()).queryByRole('alert')).toBeNull();
  });

  it('reads the saved status again when main says it changed', async () => {
    let status = a2pStatus();
    const { emit } = await openA2pSection({ 'a2p:status': () => status });
    await waitFor(() => expect(stepItem('Brand').textContent).toContain('Not started'));

    status = ALL_APPROVED;
    act(() => emit('a2p:changed', {}));
    await waitFor(() => expect(stepItem('Brand').textContent).toContain('Approved'));
  });
});

describe('A2P 10DLC → offline', () => {
  it('shows the saved status as of when it was read, with Refresh status off and why', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { calls } = await openA2pSection();
    await waitFor(() => expect(stepItem('Campaign').textContent).toContain('Approved'));
    expect(within(a2pRegion()).getByText(formatDateTime(AS_OF))).toBeTruthy();
    expect(refreshStatusButton()).toHaveProperty('disabled', true);
    expect(blockedReason()).toContain('Offline.');
    expect(blockedReason()).toContain('Refresh status needs a connection to Twilio');
    expect(inputsTo(calls, 'a2p:refresh')).toEqual([]);
  });

  it('treats an "offline" answer as offline until the person tries Twilio again', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    let reachable = false;
    const { user } = await openA2pSection({
      'a2p:refresh': () => {
        if (!reachable) throw appError('offline');
        return ALL_APPROVED;
      },
    });
    await user.click(refreshStatusButton());
    await waitFor(() => expect(refreshStatusButton()).toHaveProperty('disabled', true));
    expect(blockedReason()).toContain('Offline.');

    reachable = true;
    await user.click(within(a2pRegion()).getByRole('button', { name: 'Try Twilio again' }));
    expect(refreshStatusButton()).toHaveProperty('disabled', false);
    await user.click(refreshStatusButton());
    await waitFor(() => expect(within(a2pRegion()).queryByRole('alert')).toBeNull());
  });
});
