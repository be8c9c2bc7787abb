import type { Capabilities } from '../../../../shared/domain/numbers';

const SHOWN: { key: keyof Capabilities; label: string }[] = [
  { key: 'voice', label: 'Voice' },
  { key: 'sms', label: 'SMS' },
  { key: 'mms', label: 'MMS' },
];

/** Voice / SMS / MMS badges for what the number can do. Fax is left out: Gleam does nothing with it. */
export function CapabilityBadges({ capabilities }: { capabilities: Capabilities }) {
  const shown = SHOWN.filter(({ key }) => capabilities[key]);
  if (shown.length === 0) return <span className="muted">None</span>;
  return (
    <span className="badges">
      {shown.map(({ key, label }) => (
        <span key={key} className={`badge badge-${key}`}>
          {label}
        </span>
      ))}
    </span>
  );
}
