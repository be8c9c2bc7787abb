import type { Capabilities } from '../../../shared/domain/numbers';
import { Badge } from './Badge';

const SHOWN: { key: keyof Capabilities; label: string }[] = [
  { key: 'voice', label: 'Voice' },
  { key: 'sms', label: 'SMS' },
  { key: 'mms', label: 'MMS' },
];

/**
 * Voice / SMS / MMS badges for what the number can do. Fax is left out: Gleam does nothing with it. A number in
 * the Messaging Service set in Settings has its SMS badge marked, since that is where its texts go.
 */
export function CapabilityBadges({
  capabilities,
  inMessagingService = null,
}: {
  capabilities: Capabilities;
  inMessagingService?: boolean | null;
}) {
  const shown = SHOWN.filter(({ key }) => capabilities[key]);
  if (shown.length === 0) return <span className="muted">None</span>;
  return (
    <span className="badges">
      {shown.map(({ key, label }) =>
        key === 'sms' && inMessagingService ? (
          <Badge key={key} kind="service" title="In the Messaging Service set in Settings">
            {label} ✓<span className="visually-hidden"> (in your Messaging Service)</span>
          </Badge>
        ) : (
          <Badge key={key} kind={key}>
            {label}
          </Badge>
        ),
      )}
    </span>
  );
}
