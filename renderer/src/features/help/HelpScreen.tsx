import { useEffect, useRef } from 'react';
import type { HelpTopic } from '../../../../shared/errors';
import { useAppStore } from '../../store/store-context';

interface HelpSection {
  topic: HelpTopic;
  title: string;
  body: string[];
}

/** Troubleshooting in our own words; error messages link to these sections by topic. */
const SECTIONS: HelpSection[] = [
  {
    topic: 'credentials',
    title: 'Twilio says the credentials are invalid',
    body: [
      'Copy the Account SID again from the Twilio Console dashboard. It always begins with AC and is 34 characters long.',
      'The Auth Token is hidden in the Console until you click the eye icon next to it. Copy all 32 characters.',
      'Pasting can pick up a space before or after the value; Gleam removes those, but check nothing else came along.',
      'Test credentials (from the Console’s API keys page) cannot read your account. Use the live ones from the dashboard.',
      'If you recently changed your Auth Token in the Console, the old one stops working: paste the new one.',
    ],
  },
  {
    topic: 'connection',
    title: 'Gleam cannot reach Twilio',
    body: [
      'Check that this computer is online.',
      'A company firewall or proxy may block api.twilio.com. Ask whoever manages your network to allow it.',
      'Twilio itself may be having a problem; wait a few minutes and try again.',
      'While offline, Gleam still shows everything it has saved. Actions that change your Twilio account wait until you are back online.',
    ],
  },
  {
    topic: 'account-status',
    title: 'The Twilio account is not active, or is a trial',
    body: [
      'A suspended account usually ran out of balance. Add funds in the Twilio Console; Twilio can take 5 to 10 minutes to reactivate it.',
      'A closed account cannot be used again; connect a different account.',
      'Trial accounts can own one number and only call or text numbers verified in the Console. Upgrade in the Console to remove the limits.',
    ],
  },
  {
    topic: 'buying-numbers',
    title: 'A number cannot be bought',
    body: [
      'Numbers sell quickly: if Twilio says a number is not available, pick another from the same results or search a different area code.',
      'If no numbers come up, try a nearby area code, or search by city or state instead.',
      'Twilio may refuse purchases until the account is verified and has a payment method (Twilio Console → Billing).',
      'Each number costs a monthly fee that Twilio charges to your Twilio balance (typically about $1.15 for a US local number and $2.15 for toll-free; SMS carrier fees are extra).',
      'If Gleam lost contact with Twilio during a purchase, it checks with Twilio before anything else and never buys the same number twice.',
    ],
  },
];

export function HelpScreen() {
  const topic = useAppStore((state) => state.helpTopic);
  const sectionRefs = useRef(new Map<HelpTopic, HTMLElement>());

  useEffect(() => {
    if (!topic) return;
    const section = sectionRefs.current.get(topic);
    section?.scrollIntoView({ block: 'start' });
    section?.focus();
  }, [topic]);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title">Help</h1>
      {SECTIONS.map((section) => (
        <section
          key={section.topic}
          id={`help-${section.topic}`}
          className={section.topic === topic ? 'card help-section help-section-current' : 'card help-section'}
          tabIndex={-1}
          aria-labelledby={`help-${section.topic}-title`}
          ref={(element) => {
            if (element) sectionRefs.current.set(section.topic, element);
          }}
        >
          <h2 id={`help-${section.topic}-title`}>{section.title}</h2>
          <ul>
            {section.body.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
