import type { MonthCosts } from '../../../../shared/domain/costs';
import { Amount } from './Amount';
import { DataTable } from '../../components/DataTable';
import { SERIES } from './CostsChart';
import { formatMonth } from './format';

const SHORT_MONTH: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric' };

const USAGE_COLUMNS = [
  { key: 'inboundMinutes', label: 'Minutes in' },
  { key: 'outboundMinutes', label: 'Minutes out' },
  { key: 'inboundSegments', label: 'SMS segments in' },
  { key: 'outboundSegments', label: 'SMS segments out' },
] as const satisfies readonly { key: keyof MonthCosts; label: string }[];

/** The chart's figures, month by month, in the chart's order: what the chart shows, for anyone who cannot see it. */
export function MonthTable({ months, currency }: { months: readonly MonthCosts[]; currency: string }) {
  return (
    <DataTable>
      <caption>By month</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Month
          </th>
          <th scope="colgroup" colSpan={USAGE_COLUMNS.length}>
            Usage
          </th>
          <th scope="colgroup" colSpan={SERIES.length + 1}>
            Cost
          </th>
        </tr>
        <tr>
          {USAGE_COLUMNS.map((column) => (
            <th key={column.key} scope="col" className="costs-num">
              {column.label}
            </th>
          ))}
          {SERIES.map((part) => (
            <th key={part.key} scope="col" className="costs-num">
              {part.label}
            </th>
          ))}
          <th scope="col" className="costs-num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((month) => (
          <tr key={month.month}>
            <th scope="row" className="costs-month-name">
              {/* Short, so the twelve rows' figures fit beside it without scrolling sideways. */}
              {formatMonth(month.month, SHORT_MONTH)}
            </th>
            {month.recorded ? (
              <>
                {USAGE_COLUMNS.map((column) => (
                  <td key={column.key} className="costs-num">
                    {month[column.key].toLocaleString()}
                  </td>
                ))}
                {SERIES.map((part) => (
                  <td key={part.key} className="costs-num">
                    <Amount micros={month[part.key]} currency={currency} />
                  </td>
                ))}
                <td className="costs-num costs-total">
                  <Amount micros={month.totalCostMicros} currency={currency} />
                </td>
              </>
            ) : (
              <td colSpan={USAGE_COLUMNS.length + SERIES.length + 1} className="muted">
                No figures saved for this month
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
