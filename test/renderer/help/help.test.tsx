/** The Help screen: the setup guide in our words, and the troubleshooting sections error messages link to. */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HELP_TOPICS } from '../../../shared/errors';
import { renderApp } from '../support/render-app';
import { connected } from '../numbers/test-fixtures';

async function openHelp() {
  const app = renderApp({ 'connection:getStatus': () => connected() });
  const user = userEvent.setup();
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Help' }));
  await screen.findByRole('heading', { level: 1, name: 'Help' });
  return { ...app, user };
}

/** The text of the help section with this heading. */
const sectionText = (title: string) => screen.getByRole('region', { name: title }).textContent;

describe('Help → Setting up', () => {
  it('puts the setup guide and troubleshooting under their own headings', async () => {
    await openHelp();
    const groups = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(groups).toEqual(['Setting up', 'Troubleshooting']);
    const setup = screen.getByRole('region', { name: 'Setting up' });
    expect(
      within(setup)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual([
      'How Gleam works with Twilio',
      'Before you start',
      'Step 1: Connect your Twilio account',
      'Step 2: Buy a phone number',
      'Step 3: Give the number to an agent',
      'Messaging Service (optional)',
      'Texting US numbers: A2P 10DLC registration',
      'What Twilio charges',
    ]);
  });

  it('explains bringing your own Twilio account and what is needed first', async () => {
    await openHelp();
    const how = sectionText('How Gleam works with Twilio');
    expect(how).toMatch(/phone numbers are yours.*take them with you/);
    expect(how).toMatch(/Twilio bills you itself, at the prices it publishes/);
    expect(how).toMatch(/register for US texting \(A2P 10DLC\) as your own business/);

    const before = screen.getByRole('region', { name: 'Before you start' });
    expect(before.textContent).toMatch(/verify a phone number with Twilio, or complete your business profile/);
    expect(before.textContent).toMatch(/add a payment method/);
    expect(within(before).getByRole('link', { name: 'Sign up for a Twilio account' }).getAttribute('href')).toBe(
      'https://www.twilio.com/try-twilio',
    );
  });

  it('walks through connecting: where the credentials are, their shape, and keeping the token secret', async () => {
    await openHelp();
    const connect = screen.getByRole('region', { name: 'Step 1: Connect your Twilio account' });
    const steps = within(connect)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(steps[1]).toMatch(/dashboard shows your Account SID and Auth Token/);
    expect(connect.textContent).toContain('The Account SID begins with AC and is 34 characters long.');
    expect(connect.textContent).toMatch(/click the eye icon.*32 characters long/);
    expect(connect.textContent).toMatch(/Settings \(the gear icon in the sidebar\).*Twilio Configuration/);
    expect(connect.textContent).toMatch(/click Save Configuration/);
    expect(connect.textContent).toMatch(/green check mark appears with “Connected to Twilio”/);
    expect(connect.textContent).toMatch(/Keep your Auth Token to yourself.*never post it or share it/);
  });

  it('walks through buying a number and giving it to an agent, with webhooks set up by Gleam', async () => {
    await openHelp();
    const buy = sectionText('Step 2: Buy a phone number');
    expect(buy).toMatch(/Phone Numbers in the sidebar and click Buy Number/);
    expect(buy).toMatch(/Search by area code, by city, or by what the number must handle/);
    expect(buy).toMatch(/confirm the purchase/);
    expect(buy).toMatch(/Twilio charges the number to your Twilio account/);

    const agent = sectionText('Step 3: Give the number to an agent');
    expect(agent).toMatch(/Gleam sets up its webhooks in Twilio for you/);
    expect(agent).toMatch(/never have to type a webhook address/);
  });

  it('goes to Agents from the next steps', async () => {
    const { user } = await openHelp();
    const agent = screen.getByRole('region', { name: 'Step 3: Give the number to an agent' });
    await user.click(within(agent).getByRole('button', { name: 'Go to Agents' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Agents' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Help' })).toBeNull();
  });

  it('explains the Messaging Service steps and A2P 10DLC with its one-to-two-week wait', async () => {
    await openHelp();
    const service = sectionText('Messaging Service (optional)');
    expect(service).toMatch(/Messaging → Services and create a new Messaging Service/);
    expect(service).toMatch(/Add your phone numbers to it/);
    expect(service).toMatch(/Messaging Service SID, which begins with MG/);
    expect(service).toMatch(/Settings → Messaging Service/);

    const a2p = screen.getByRole('region', { name: 'Texting US numbers: A2P 10DLC registration' });
    const steps = within(a2p).getAllByRole('list')[0];
    expect(
      within(steps ?? a2p)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Complete your business profile.',
      'Register your brand: your business, as the carriers will know it.',
      'Register a campaign: what your texts are for.',
    ]);
    expect(a2p.textContent).toMatch(/about one to two weeks/);
    expect(within(a2p).getByRole('link', { name: 'Twilio’s guide to A2P 10DLC' }).getAttribute('href')).toBe(
      'https://www.twilio.com/docs/messaging/compliance/a2p-10dlc',
    );
  });

  it('lists the typical Twilio prices, separate from the Gleam subscription', async () => {
    await openHelp();
    const pricing = screen.getByRole('region', { name: 'What Twilio charges' });
    const rows = within(within(pricing).getByRole('table', { name: 'Typical Twilio prices' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'Local phone numberabout $1.15 a month',
      'Toll-free numberabout $2.15 a month',
      'Incoming callsabout $0.0085 a minute',
      'Outgoing callsabout $0.014 a minute',
      'Outgoing texts (SMS)about $0.0079 a segment',
    ]);
    expect(pricing.textContent).toMatch(/separately from your Gleam subscription/);
    expect(pricing.textContent).toMatch(/differ from one country or region to another/);
    expect(within(pricing).getByRole('link', { name: 'Twilio’s current prices' }).getAttribute('href')).toBe(
      'https://www.twilio.com/pricing',
    );
  });

  it('links only to Twilio pages the app may open, in the browser', async () => {
    await openHelp();
    const links = screen.getAllByRole('link');
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\/(console|www)\.twilio\.com\//);
      expect(link.getAttribute('target')).toBe('_blank');
    }
  });
});

describe('Help → Troubleshooting', () => {
  it.each(HELP_TOPICS)('shows and focuses the %s section when an error links to it', async (topic) => {
    const { store } = await openHelp();
    act(() => store.getState().openHelp(topic));
    const section = document.getElementById(`help-${topic}`);
    expect(section).not.toBeNull();
    expect(document.activeElement).toBe(section);
    expect(section?.className).toContain('help-section-current');
    expect(within(screen.getByRole('region', { name: 'Troubleshooting' })).getAllByRole('region')).toContain(section);
  });

  it('keeps the invalid-credentials, number and trial advice', async () => {
    await openHelp();
    const credentials = sectionText('Twilio says the credentials are invalid');
    expect(credentials).toMatch(/begins with AC and is 34 characters long/);
    expect(credentials).toMatch(/Copy all 32 characters/);
    expect(credentials).toMatch(/space before or after the value/);

    const buying = sectionText('A number cannot be bought');
    expect(buying).toMatch(/search a different area code/);
    expect(buying).toMatch(/verified and has a payment method/);

    const account = sectionText('The Twilio account is not active, or is a trial');
    expect(account).toMatch(/Trial accounts can own one number and only call or text numbers verified/);
    expect(account).toMatch(/5 to 10 minutes/);
  });

  it('says what to check when calls do not connect', async () => {
    await openHelp();
    const calls = screen.getByRole('region', { name: 'Calls don’t connect' });
    expect(calls.getAttribute('tabindex')).toBe('-1');
    expect(calls.textContent).toMatch(/number is assigned to an agent/);
    expect(calls.textContent).toMatch(/agent is set to Active/);
    expect(calls.textContent).toMatch(/Twilio balance is high enough/);
    expect(calls.textContent).toMatch(/subaccount has no balance of its own/);
  });
});
