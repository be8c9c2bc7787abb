import { useEffect, useRef } from 'react';
import { A2P_CONSOLE_PAGES } from '../../../../shared/domain/a2p';
import { TWILIO_CONSOLE_PAGES } from '../../../../shared/domain/doctor';
import type { HelpTopic } from '../../../../shared/errors';
import { DataTable } from '../../components/DataTable';
import type { Screen } from '../../store/navigation-slice';
import { useAppStore } from '../../store/store-context';

/** A page on Twilio's site; the window opens only console.twilio.com and www.twilio.com links, in the browser. */
interface TwilioLink {
  href: `https://console.twilio.com/${string}` | `https://www.twilio.com/${string}`;
  label: string;
}

/** A typical Twilio price, as the setup guide gives it. */
interface TypicalPrice {
  item: string;
  price: string;
}

interface HelpSection<Id extends string> {
  id: Id;
  title: string;
  intro?: string;
  /** Things to do in order. */
  steps?: string[];
  points?: string[];
  prices?: TypicalPrice[];
  /** A caution that stands out from the rest. */
  warning?: string;
  links?: TwilioLink[];
  /** Screens of Gleam to go to next. */
  next?: { screen: Screen; label: string }[];
}

type SetupId =
  'how-it-works' | 'before-you-start' | 'connect' | 'buy-number' | 'agent' | 'messaging-service' | 'a2p' | 'pricing';

/** Troubleshooting sections: those keyed by a HelpTopic are where error messages link to. */
type TroubleshootingId = HelpTopic | 'calls-not-connecting';

const TWILIO_CONSOLE: TwilioLink = { href: 'https://console.twilio.com/', label: 'Open the Twilio Console' };

/** The setup guide, in our own words. */
const SETUP: HelpSection<SetupId>[] = [
  {
    id: 'how-it-works',
    title: 'How Gleam works with Twilio',
    intro:
      'Gleam runs on a Twilio account of your own (“bring your own Twilio”): your agents make and answer calls and send texts through it. This means:',
    points: [
      'The phone numbers are yours. They live in your Twilio account, and you can take them with you wherever you go.',
      'Twilio bills you itself, at the prices it publishes.',
      'You register for US texting (A2P 10DLC) as your own business, so compliance stays in your hands.',
      'You see exactly what your calls and texts cost; the Costs screen adds it up.',
    ],
    next: [{ screen: 'setup', label: 'Open the setup guide' }],
  },
  {
    id: 'before-you-start',
    title: 'Before you start',
    points: [
      'You need a Twilio account. If you don’t have one yet, you can sign up on Twilio’s website.',
      'Twilio needs to know who you are: verify a phone number with Twilio, or complete your business profile.',
      'Before using Gleam for real work, add a payment method to your Twilio account.',
    ],
    links: [{ href: 'https://www.twilio.com/try-twilio', label: 'Sign up for a Twilio account' }],
  },
  {
    id: 'connect',
    title: 'Step 1: Connect your Twilio account',
    steps: [
      'Sign in to the Twilio Console.',
      'The Console’s dashboard shows your Account SID and Auth Token. The Account SID begins with AC and is 34 characters long.',
      'The Auth Token stays hidden until you click the eye icon next to it. It is 32 characters long.',
      'Copy both of them.',
      'In Gleam, open Settings (the gear icon in the sidebar) and find the Twilio Configuration section.',
      'Paste the Account SID and the Auth Token into their fields, then click Save Configuration.',
      'Gleam checks them with Twilio. When they work, a green check mark appears with “Connected to Twilio”.',
    ],
    warning:
      'Keep your Auth Token to yourself. Whoever has it can do anything with your Twilio account, so never post it or share it in public.',
    links: [TWILIO_CONSOLE],
  },
  {
    id: 'buy-number',
    title: 'Step 2: Buy a phone number',
    intro: 'Once Twilio is connected:',
    steps: [
      'Open Phone Numbers in the sidebar and click Buy Number.',
      'Search by area code, by city, or by what the number must handle: voice calls, text messages or picture messages.',
      'Pick a number from the results and confirm the purchase.',
      'Twilio charges the number to your Twilio account, every month for as long as you keep it.',
    ],
    points: ['Already have numbers in Twilio? Click Sync with Twilio on Phone Numbers to bring them into Gleam.'],
  },
  {
    id: 'agent',
    title: 'Step 3: Give the number to an agent',
    steps: [
      'Create your first agent on the Agents screen.',
      'Assign the number to it, from Phone Numbers or from the agent’s own page.',
    ],
    points: [
      'When you assign a number, Gleam sets up its webhooks in Twilio for you: the addresses Twilio contacts when a call or text comes in. You never have to type a webhook address into the Twilio Console.',
      'If those settings are later changed in the Twilio Console, “Why isn’t this number working?” on Phone Numbers notices and can put them back.',
    ],
    next: [
      { screen: 'agents', label: 'Go to Agents' },
      { screen: 'numbers', label: 'Go to Phone Numbers' },
    ],
  },
  {
    id: 'messaging-service',
    title: 'Messaging Service (optional)',
    intro:
      'A Twilio Messaging Service groups your numbers for texting. You can start without one; it helps when you send a lot of texts, and A2P 10DLC registration for US texting is done on one.',
    steps: [
      'In the Twilio Console, go to Messaging → Services and create a new Messaging Service.',
      'Add your phone numbers to it.',
      'Copy its Messaging Service SID, which begins with MG.',
      'In Gleam, paste it under Settings → Messaging Service and click Save Messaging Service. You can also enter it when you first connect Twilio.',
    ],
    links: [{ href: TWILIO_CONSOLE_PAGES.messagingServices, label: 'Open Messaging Services in the Twilio Console' }],
  },
  {
    id: 'a2p',
    title: 'Texting US numbers: A2P 10DLC registration',
    intro:
      'If your agents will text phone numbers in the US, you must first register for A2P 10DLC. It takes three steps in the Twilio Console, one after the other:',
    steps: [
      'Complete your business profile.',
      'Register your brand: your business, as the carriers will know it.',
      'Register a campaign: what your texts are for.',
    ],
    points: [
      'Allow about one to two weeks for the whole registration to be approved.',
      'Settings → A2P 10DLC registration shows where each step stands, as read from Twilio.',
    ],
    links: [
      { href: A2P_CONSOLE_PAGES.businessProfiles, label: 'Business profiles in the Twilio Console' },
      { href: A2P_CONSOLE_PAGES.brands, label: 'Brands in the Twilio Console' },
      { href: A2P_CONSOLE_PAGES.campaigns, label: 'Campaigns in the Twilio Console' },
      { href: 'https://www.twilio.com/docs/messaging/compliance/a2p-10dlc', label: 'Twilio’s guide to A2P 10DLC' },
    ],
  },
  {
    id: 'pricing',
    title: 'What Twilio charges',
    intro: 'Twilio bills you for numbers, calls and texts, separately from your Gleam subscription. Typical prices:',
    prices: [
      { item: 'Local phone number', price: 'about $1.15 a month' },
      { item: 'Toll-free number', price: 'about $2.15 a month' },
      { item: 'Incoming calls', price: 'about $0.0085 a minute' },
      { item: 'Outgoing calls', price: 'about $0.014 a minute' },
      { item: 'Outgoing texts (SMS)', price: 'about $0.0079 a segment' },
    ],
    points: [
      'A long text is sent in several segments, and each one is charged. Carrier fees for texts come on top.',
      'Prices differ from one country or region to another and change over time; Twilio’s pricing page has today’s.',
      'The Costs screen shows what you have actually spent.',
    ],
    links: [{ href: 'https://www.twilio.com/pricing', label: 'Twilio’s current prices' }],
  },
];

/** Troubleshooting in our own words; error messages link to these sections by topic. */
const TROUBLESHOOTING: HelpSection<TroubleshootingId>[] = [
  {
    id: 'credentials',
    title: 'Twilio says the credentials are invalid',
    points: [
      'Copy the Account SID again from the Twilio Console dashboard. It always begins with AC and is 34 characters long.',
      'The Auth Token is hidden in the Console until you click the eye icon next to it. Copy all 32 characters.',
      'Pasting can pick up a space before or after the value; Gleam removes those, but check nothing else came along.',
      'Test credentials (from the Console’s API keys page) cannot read your account. Use the live ones from the dashboard.',
      'If you recently changed your Auth Token in the Console, the old one stops working: paste the new one.',
    ],
    links: [TWILIO_CONSOLE],
  },
  {
    id: 'connection',
    title: 'Gleam cannot reach Twilio',
    points: [
      'Check that this computer is online.',
      'A company firewall or proxy may block api.twilio.com. Ask whoever manages your network to allow it.',
      'Twilio itself may be having a problem; wait a few minutes and try again.',
      'While offline, Gleam still shows everything it has saved. Actions that change your Twilio account wait until you are back online.',
    ],
  },
  {
    id: 'account-status',
    title: 'The Twilio account is not active, or is a trial',
    points: [
      'A suspended account usually ran out of balance. Add funds in the Twilio Console; Twilio can take 5 to 10 minutes to reactivate it.',
      'A closed account cannot be used again; connect a different account.',
      'Trial accounts can own one number and only call or text numbers verified in the Console. Upgrade in the Console to remove the limits.',
    ],
    links: [
      { href: TWILIO_CONSOLE_PAGES.billing, label: 'Billing in the Twilio Console' },
      { href: TWILIO_CONSOLE_PAGES.upgrade, label: 'Upgrade the account in the Twilio Console' },
      { href: TWILIO_CONSOLE_PAGES.verifiedCallers, label: 'Verified numbers in the Twilio Console' },
    ],
  },
  {
    id: 'buying-numbers',
    title: 'A number cannot be bought',
    points: [
      'Numbers sell quickly: if Twilio says a number is not available, pick another from the same results or search a different area code.',
      'If no numbers come up, try a nearby area code, or search by city or state instead.',
      'Twilio may refuse purchases until the account is verified and has a payment method (Twilio Console → Billing).',
      'Each number costs a monthly fee that Twilio charges to your Twilio balance (typically about $1.15 for a US local number and $2.15 for toll-free; SMS carrier fees are extra).',
      'If Gleam lost contact with Twilio during a purchase, it checks with Twilio before anything else and never buys the same number twice.',
    ],
    links: [{ href: TWILIO_CONSOLE_PAGES.billing, label: 'Billing in the Twilio Console' }],
  },
  {
    id: 'calls-not-connecting',
    title: 'Calls don’t connect',
    points: [
      'Check that the number is assigned to an agent; Phone Numbers shows which agent each number belongs to.',
      'Check that the agent is set to Active on the Agents screen. An agent that is not Active does not take calls.',
      'Check that your Twilio balance is high enough; the Costs screen shows it. A subaccount has no balance of its own: its main account pays.',
      'On Phone Numbers, “Why isn’t this number working?” checks all of this, and the number’s webhooks and Messaging Service too, and offers a fix where it can.',
      'Texts to US numbers also need A2P 10DLC registration (see Setting up).',
    ],
  },
];

function SectionBody<Id extends string>({ section }: { section: HelpSection<Id> }) {
  const navigate = useAppStore((state) => state.navigate);
  return (
    <>
      {section.intro && <p>{section.intro}</p>}
      {section.steps && (
        <ol>
          {section.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
      {section.prices && (
        <DataTable>
          <caption>Typical Twilio prices</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Typical price</th>
            </tr>
          </thead>
          <tbody>
            {section.prices.map(({ item, price }) => (
              <tr key={item}>
                <th scope="row">{item}</th>
                <td>{price}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {section.points && (
        <ul>
          {section.points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      )}
      {section.warning && (
        <p className="notice notice-warning">
          <strong>Keep it safe:</strong> {section.warning}
        </p>
      )}
      {section.links && (
        <ul className="help-links" aria-label={`Links for ${section.title}`}>
          {section.links.map((link) => (
            <li key={link.href}>
              <a href={link.href} target="_blank" rel="noreferrer">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {section.next && (
        <div className="form-actions">
          {section.next.map(({ screen, label }) => (
            <button key={screen} type="button" className="button" onClick={() => navigate(screen)}>
              {label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

export function HelpScreen() {
  const topic = useAppStore((state) => state.helpTopic);
  const sectionRefs = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    if (!topic) return;
    const section = sectionRefs.current.get(topic);
    section?.scrollIntoView({ block: 'start' });
    section?.focus();
  }, [topic]);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title">Help</h1>
      <p>
        How to set Gleam up with your Twilio account, and what to do when something goes wrong. Error messages in Gleam
        link straight to the matching troubleshooting section.
      </p>

      <section aria-labelledby="help-setup-title">
        <h2 id="help-setup-title">Setting up</h2>
        {SETUP.map((section) => (
          <section
            key={section.id}
            id={`help-${section.id}`}
            className="card help-section"
            aria-labelledby={`help-${section.id}-title`}
          >
            <h3 id={`help-${section.id}-title`}>{section.title}</h3>
            <SectionBody section={section} />
          </section>
        ))}
      </section>

      <section aria-labelledby="help-troubleshooting-title">
        <h2 id="help-troubleshooting-title">Troubleshooting</h2>
        {TROUBLESHOOTING.map((section) => (
          <section
            key={section.id}
            id={`help-${section.id}`}
            className={section.id === topic ? 'card help-section help-section-current' : 'card help-section'}
            tabIndex={-1}
            aria-labelledby={`help-${section.id}-title`}
            ref={(element) => {
              if (element) sectionRefs.current.set(section.id, element);
            }}
          >
            <h3 id={`help-${section.id}-title`}>{section.title}</h3>
            <SectionBody section={section} />
          </section>
        ))}
      </section>
    </section>
  );
}
