import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { formatPhoneNumber } from '../../lib/format';
import './assignments.css';

/** Confirmations list numbers by name, up to this many; the rest are counted. */
const LISTED = 50;

/** The numbers a confirmation is about, so the person sees exactly which ones. */
export function NumberNames({ numbers, label }: { numbers: readonly OwnedNumber[]; label: string }) {
  const rest = numbers.length - LISTED;
  return (
    <ul className="number-names" aria-label={label}>
      {numbers.slice(0, LISTED).map((number) => (
        <li key={number.sid}>
          <data value={number.phoneNumber}>{formatPhoneNumber(number.phoneNumber)}</data>
          {number.friendlyName && number.friendlyName !== number.phoneNumber && (
            <span className="muted"> · {number.friendlyName}</span>
          )}
        </li>
      ))}
      {rest > 0 && <li className="muted">and {rest.toLocaleString()} more</li>}
    </ul>
  );
}
