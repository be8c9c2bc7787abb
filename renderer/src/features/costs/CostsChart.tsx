import type { MonthCosts } from '../../../../shared/domain/costs';
import { formatMicros, MICROS_PER_CENT, MICROS_PER_UNIT } from '../../../../shared/money';
import { formatMonth } from './format';

/** The parts of a month's bill, bottom of the bar first; the By month table uses the same names. */
export const SERIES = [
  { key: 'callsCostMicros', label: 'Calls', name: 'calls' },
  { key: 'smsCostMicros', label: 'SMS', name: 'sms' },
  { key: 'numbersCostMicros', label: 'Numbers', name: 'numbers' },
  { key: 'otherCostMicros', label: 'Other', name: 'other' },
] as const satisfies readonly { key: keyof MonthCosts; label: string; name: string }[];

const WIDTH = 720;
const HEIGHT = 240;
const PLOT = { left: 72, right: 8, top: 12, bottom: 40 };
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;
const BASELINE = HEIGHT - PLOT.bottom;
const STEPS = 4;

/**
 * A month's bar, bottom part first, each part with the charges under it. A
 * part can be negative (credits and refunds land in "Other"); a stacked bar
 * cannot show that, so only charges are drawn, and the table gives the exact
 * figures.
 */
function stackOf(month: MonthCosts): { name: string; below: number; micros: number }[] {
  let below = 0;
  return SERIES.flatMap((part) => {
    const micros = Math.max(0, month[part.key]);
    if (micros === 0) return [];
    const segment = { name: part.name, below, micros };
    below += micros;
    return [segment];
  });
}

const barHeightOf = (month: MonthCosts) => stackOf(month).reduce((sum, segment) => sum + segment.micros, 0);

/** 0 and four equal steps up to a round amount (1, 2 or 5 × a power of ten) at or above the highest bar. */
export function axisTicks(highest: number): number[] {
  // An empty year still gets an axis, up to a dollar (or pound, or euro…); never finer than a cent per step.
  const wanted = highest > 0 ? Math.max(highest / STEPS, MICROS_PER_CENT) : MICROS_PER_UNIT / STEPS;
  const power = 10 ** Math.floor(Math.log10(wanted));
  const step = [1, 2, 5].map((multiple) => multiple * power).find((candidate) => candidate >= wanted) ?? 10 * power;
  return Array.from({ length: STEPS + 1 }, (_, index) => index * step);
}

/** What the chart shows, in words, for screen readers; the By month table under it has every figure. */
export function chartLabel(months: readonly MonthCosts[], currency: string): string {
  const first = months[0];
  const last = months.at(-1);
  const span = first && last ? `, ${formatMonth(first.month)} to ${formatMonth(last.month)}` : '';
  const recorded = months.filter((month) => month.recorded);
  const highest = recorded.reduce<MonthCosts | null>(
    (top, month) => (top === null || month.totalCostMicros > top.totalCostMicros ? month : top),
    null,
  );
  if (!highest) return `Costs over the last 12 months${span}: no figures saved yet.`;
  const total = recorded.reduce((sum, month) => sum + month.totalCostMicros, 0);
  const missing = months.length - recorded.length;
  return [
    `Costs over the last 12 months${span}: ${formatMicros(total, currency)} in all.`,
    `Highest: ${formatMonth(highest.month)}, ${formatMicros(highest.totalCostMicros, currency)}.`,
    missing > 0 ? `No figures saved for ${missing === 1 ? '1 month' : `${missing} months`}.` : '',
    'The By month table has every figure.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** One line of a bar's tooltip: the month and its parts. */
function barTitle(month: MonthCosts, currency: string): string {
  if (!month.recorded) return `${formatMonth(month.month)}: no figures saved`;
  const parts = SERIES.map((part) => `${part.label} ${formatMicros(month[part.key], currency)}`).join(', ');
  return `${formatMonth(month.month)}: ${formatMicros(month.totalCostMicros, currency)} (${parts})`;
}

/**
 * The last 12 months as stacked bars, drawn here in SVG (the CSP allows no
 * outside code, and the chart is small). Months with no saved figures are
 * drawn as empty outlines so they do not read as months that cost nothing.
 */
export function CostsChart({ months, currency }: { months: readonly MonthCosts[]; currency: string }) {
  const ticks = axisTicks(Math.max(0, ...months.map(barHeightOf)));
  const top = ticks.at(-1) ?? 1;
  const band = (WIDTH - PLOT.left - PLOT.right) / Math.max(months.length, 1);
  const barWidth = band * 0.6;
  const heightOf = (micros: number) => (micros / top) * PLOT_HEIGHT;

  return (
    <div className="costs-chart-area">
      <svg
        className="costs-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={chartLabel(months, currency)}
        focusable="false"
      >
        {ticks.map((tick) => {
          const y = BASELINE - heightOf(tick);
          return (
            <g key={tick} className="costs-chart-tick">
              <line className="costs-chart-grid" x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y} y2={y} />
              <text x={PLOT.left - 8} y={y + 4} textAnchor="end">
                {formatMicros(tick, currency)}
              </text>
            </g>
          );
        })}
        {months.map((month, index) => {
          const x = PLOT.left + index * band + (band - barWidth) / 2;
          const center = x + barWidth / 2;
          return (
            <g key={month.month} className="costs-chart-month" data-testid="costs-chart-month" data-month={month.month}>
              <title>{barTitle(month, currency)}</title>
              {month.recorded ? (
                stackOf(month).map((segment) => (
                  <rect
                    key={segment.name}
                    className={`costs-bar costs-bar-${segment.name}`}
                    x={x}
                    width={barWidth}
                    y={BASELINE - heightOf(segment.below + segment.micros)}
                    height={heightOf(segment.micros)}
                  />
                ))
              ) : (
                <rect className="costs-bar-empty" x={x} width={barWidth} y={PLOT.top} height={PLOT_HEIGHT} />
              )}
              <text x={center} y={BASELINE + 16} textAnchor="middle">
                {formatMonth(month.month, { month: 'short' })}
              </text>
              {(index === 0 || month.month.endsWith('-01')) && (
                <text x={center} y={BASELINE + 30} textAnchor="middle">
                  {formatMonth(month.month, { year: 'numeric' })}
                </text>
              )}
            </g>
          );
        })}
        <line className="costs-chart-axis" x1={PLOT.left} x2={WIDTH - PLOT.right} y1={BASELINE} y2={BASELINE} />
      </svg>
      <ul className="costs-legend" aria-label="Chart legend">
        {SERIES.map((part) => (
          <li key={part.name}>
            <span className={`costs-swatch costs-swatch-${part.name}`} aria-hidden="true" />
            {part.label}
          </li>
        ))}
        {months.some((month) => !month.recorded) && (
          <li>
            <span className="costs-swatch costs-swatch-empty" aria-hidden="true" />
            No figures saved
          </li>
        )}
      </ul>
    </div>
  );
}
