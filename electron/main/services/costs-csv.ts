/**
 * A month's per-number costs as CSV (RFC 4180: quoted where needed, CRLF
 * line ends), for spreadsheets. Amounts are exact decimals, not rounded to
 * cents, so a spreadsheet's sums match Twilio's. Names typed by people
 * (number and agent names) are defused when they start like a formula,
 * which a spreadsheet would otherwise run.
 */
import type { NumberCosts } from '../../../shared/domain/costs';
import { fromMicros } from '../../../shared/money';

const COLUMNS: { header: string; value: (row: NumberCosts) => string | number; typed?: true }[] = [
  { header: 'Phone number', value: (row) => row.phoneNumber },
  { header: 'Name', value: (row) => row.friendlyName ?? '', typed: true },
  { header: 'Agent', value: (row) => row.agent?.name ?? '', typed: true },
  { header: 'Still owned', value: (row) => (row.released ? 'no' : 'yes') },
  { header: 'Inbound calls', value: (row) => row.inboundCalls },
  { header: 'Inbound minutes', value: (row) => row.inboundMinutes },
  { header: 'Outbound calls', value: (row) => row.outboundCalls },
  { header: 'Outbound minutes', value: (row) => row.outboundMinutes },
  { header: 'Inbound messages', value: (row) => row.inboundMessages },
  { header: 'Inbound segments', value: (row) => row.inboundSegments },
  { header: 'Outbound messages', value: (row) => row.outboundMessages },
  { header: 'Outbound segments', value: (row) => row.outboundSegments },
  { header: 'Calls cost', value: (row) => fromMicros(row.callsCostMicros) },
  { header: 'SMS cost', value: (row) => fromMicros(row.smsCostMicros) },
  { header: 'Total cost', value: (row) => fromMicros(row.totalCostMicros) },
  { header: 'Not yet priced', value: (row) => row.unrated },
];

/** OWASP's list of characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number, typed: boolean): string {
  const text = typed && FORMULA_START.test(String(value)) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function costsCsv(month: string, currency: string, rows: readonly NumberCosts[]): string {
  const header = ['Month', ...COLUMNS.map((column) => column.header), 'Currency'];
  const lines = [
    header.map((text) => cell(text, false)),
    ...rows.map((row) => [
      month,
      ...COLUMNS.map((column) => cell(column.value(row), column.typed === true)),
      cell(currency, false),
    ]),
  ];
  return `${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}
