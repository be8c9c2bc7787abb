/**
 * A month's per-number costs as CSV (RFC 4180: quoted where needed, CRLF
 * line ends), for spreadsheets. Amounts are exact decimals, not rounded to
 * cents, so a spreadsheet's sums match Twilio's. Every text cell — names
 * people typed, but also phone numbers, the month and the currency — is
 * defused when it starts like a formula, which a spreadsheet would otherwise
 * run; whether a cell is text is decided by its column, so amounts such as
 * `-0.0085` stay numbers.
 */
import type { NumberCosts } from '../../../shared/domain/costs';
import { fromMicros } from '../../../shared/money';

type Column = { header: string } & (
  | { type: 'text'; value: (row: NumberCosts) => string }
  // Amounts are exact decimal strings (fromMicros), counts are integers: both are numbers to a spreadsheet.
  | { type: 'number'; value: (row: NumberCosts) => number | string }
);

const COLUMNS: Column[] = [
  { header: 'Phone number', type: 'text', value: (row) => row.phoneNumber },
  { header: 'Name', type: 'text', value: (row) => row.friendlyName ?? '' },
  { header: 'Agent', type: 'text', value: (row) => row.agent?.name ?? '' },
  { header: 'Still owned', type: 'text', value: (row) => (row.released ? 'no' : 'yes') },
  { header: 'Inbound calls', type: 'number', value: (row) => row.inboundCalls },
  { header: 'Inbound minutes', type: 'number', value: (row) => row.inboundMinutes },
  { header: 'Outbound calls', type: 'number', value: (row) => row.outboundCalls },
  { header: 'Outbound minutes', type: 'number', value: (row) => row.outboundMinutes },
  { header: 'Inbound messages', type: 'number', value: (row) => row.inboundMessages },
  { header: 'Inbound segments', type: 'number', value: (row) => row.inboundSegments },
  { header: 'Outbound messages', type: 'number', value: (row) => row.outboundMessages },
  { header: 'Outbound segments', type: 'number', value: (row) => row.outboundSegments },
  { header: 'Calls cost', type: 'number', value: (row) => fromMicros(row.callsCostMicros) },
  { header: 'SMS cost', type: 'number', value: (row) => fromMicros(row.smsCostMicros) },
  { header: 'Total cost', type: 'number', value: (row) => fromMicros(row.totalCostMicros) },
  { header: 'Not yet priced', type: 'number', value: (row) => row.unrated },
];

/**
 * OWASP's characters that make a spreadsheet read a cell as a formula (tab and CR because some spreadsheets skip
 * leading whitespace before looking for one), and LF for the same reason.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Text as one CSV cell. Prefixed with an apostrophe, a cell that started like a formula no longer does: a
 * spreadsheet shows it as text, apostrophe included, with every other character kept.
 */
function textCell(text: string): string {
  const cell = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function costsCsv(month: string, currency: string, rows: readonly NumberCosts[]): string {
  const header = ['Month', ...COLUMNS.map((column) => column.header), 'Currency'];
  const lines = [
    header.map(textCell),
    ...rows.map((row) => [
      textCell(month),
      ...COLUMNS.map((column) =>
        // Numbers hold no comma, quote or line break: nothing to quote.
        column.type === 'text' ? textCell(column.value(row)) : String(column.value(row)),
      ),
      textCell(currency),
    ]),
  ];
  return `${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}
