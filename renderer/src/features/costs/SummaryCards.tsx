import { useId, type ReactNode } from 'react';
import { Badge } from '../../components/Badge';
import type { Balance, CostSummary, RecurringCosts } from '../../../../shared/domain/costs';
import { formatMoney, toMicros } from '../../../../shared/money';
import { formatDateTime } from '../../lib/format-date';
import { countOf, NUMBER_TYPE_LABEL } from '../../lib/format';
import { PriceLabel } from '../../components/PriceLabel';
import { Amount } from './Amount';
import { formatMonth } from './format';
import { SUBACCOUNT_BALANCE } from './balance-text';

/** A card that is a named region, so the three figures can be found by name. */
function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card costs-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Month to date, balance and the numbers' monthly fees. */
export function SummaryCards({ summary }: { summary: CostSummary }) {
  return (
    <div className="costs-cards">
      <MonthToDateCard summary={summary} />
      <BalanceCard balance={summary.balance} />
      <NumberFeesCard recurring={summary.recurring} />
    </div>
  );
}

function MonthToDateCard({ summary }: { summary: CostSummary }) {
  const { monthToDate, currency } = summary;
  if (!monthToDate) {
    return (
      <Card title="Month to date">
        <p className="costs-figure muted">Not known yet</p>
        <p className="field-help">This month’s figures appear once Gleam has read them from Twilio.</p>
      </Card>
    );
  }
  const { month, spentMicros, projectedMicros, daysElapsed, daysInMonth } = monthToDate;
  return (
    <Card title="Month to date">
      <p className="costs-figure">
        <Amount micros={spentMicros} currency={currency} />
      </p>
      <p>
        Projected for {formatMonth(month, { month: 'long' })}: <Amount micros={projectedMicros} currency={currency} />
      </p>
      <p className="field-help">
        Based on the first {daysElapsed} of {daysInMonth} days (today included): usage so far, continued at the same
        daily rate to the end of the month, plus a month of fees for the numbers you own now (or the fees already
        charged, if more).
      </p>
    </Card>
  );
}

function BalanceCard({ balance }: { balance: Balance }) {
  return (
    <Card title="Balance">
      {balance.state === 'known' ? (
        <>
          <p className="costs-figure">
            <BalanceAmount amount={balance.amount} currency={balance.currency} />
          </p>
          <p className="field-help">
            As of <time dateTime={balance.asOf}>{formatDateTime(balance.asOf)}</time>
          </p>
        </>
      ) : balance.state === 'subaccount' ? (
        <p>{SUBACCOUNT_BALANCE}</p>
      ) : (
        <p>Unknown until Gleam can reach Twilio.</p>
      )}
    </Card>
  );
}

/** Twilio states the balance as decimal text; shown in cents like the other amounts when it parses. */
function BalanceAmount({ amount, currency }: { amount: string; currency: string }) {
  const micros = toMicros(amount);
  return micros === null ? <>{formatMoney(amount, currency)}</> : <Amount micros={micros} currency={currency} />;
}

function NumberFeesCard({ recurring }: { recurring: RecurringCosts }) {
  const typicalNoteId = useId();
  const { byType, totalMicros, currency, includesTypical, unpriced } = recurring;
  return (
    <Card title="Number fees">
      <p className="costs-figure">
        <Amount micros={totalMicros} currency={currency} /> <span className="costs-figure-unit">a month</span>
      </p>
      {byType.length === 0 ? (
        <p className="field-help">You own no phone numbers, so there are no monthly fees.</p>
      ) : (
        <ul className="costs-fees">
          {byType.map((group) => (
            <li key={`${group.type}:${group.country ?? ''}`}>
              {countOf(group.count, `${NUMBER_TYPE_LABEL[group.type].toLowerCase()} number`)}
              {group.country && ` in ${group.country}`}
              {group.unitPrice === null ? (
                ': price unknown, not in the total'
              ) : (
                <>
                  {' × '}
                  <PriceLabel price={group.unitPrice} noteId={includesTypical ? typicalNoteId : undefined} />
                  {group.monthlyMicros === null ? (
                    // Priced in another currency than the account's, so it cannot be added up with the rest.
                    ' — not in the total'
                  ) : (
                    <>
                      {' = '}
                      <Amount micros={group.monthlyMicros} currency={currency} />
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {includesTypical && (
        <p id={typicalNoteId} className="field-help">
          <Badge kind="typical">typical</Badge> Typical prices from Gleam’s setup guide, used because Twilio’s current
          prices could not be fetched. They may be out of date. SMS carrier fees are extra.
        </p>
      )}
      {unpriced > 0 && (
        <p className="field-help">
          {countOf(unpriced, 'number')} {unpriced === 1 ? 'is' : 'are'} not in the total: Gleam does not know{' '}
          {unpriced === 1 ? 'its' : 'their'} monthly price in {currency}.
        </p>
      )}
    </Card>
  );
}
