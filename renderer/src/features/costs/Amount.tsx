import { formatMicros, formatMoney, fromMicros } from '../../../../shared/money';

/** An amount in whole cents, as a bill shows it; the exact figure, to the millionth, is its value and tooltip. */
export function Amount({ micros, currency }: { micros: number; currency: string }) {
  const exact = fromMicros(micros);
  return (
    <data className="amount" value={exact} title={formatMoney(exact, currency)}>
      {formatMicros(micros, currency)}
    </data>
  );
}
