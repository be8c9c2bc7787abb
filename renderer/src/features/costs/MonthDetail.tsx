import { useId, type ReactNode } from 'react';
import type { AgentCosts, CostSummary, NumberCosts, UsageTotals } from '../../../../shared/domain/costs';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField } from '../../components/SelectField';
import { useShowMore } from '../../components/use-show-more';
import { useAppStore } from '../../store/store-context';
import { countOf, formatPhoneNumber } from '../../lib/format';
import { Amount } from './Amount';
import { DataTable } from '../../components/DataTable';
import { formatMonth } from './format';
import { useCostSummary, useCostsExport } from './use-costs';

/** One month's calls and messages by number and by agent, the month picker and the CSV export. */
export function MonthDetail({ summary }: { summary: CostSummary }) {
  const costs = useCostSummary();
  const month = costs.month ?? summary.month;
  const loading = costs.loading;
  const selectMonth = useAppStore((state) => state.selectCostsMonth);
  const titleId = useId();
  // Newest first: the month people look for is usually this one or the last.
  const options = summary.months.map((entry) => ({ value: entry.month, label: formatMonth(entry.month) })).reverse();
  const { byNumber, byAgent, currency } = summary;
  const unrated = byNumber.reduce((sum, number) => sum + number.unrated, 0);

  return (
    <section className="card costs-month" aria-labelledby={titleId} aria-busy={loading}>
      <h2 id={titleId}>Numbers and agents</h2>
      <div className="costs-month-toolbar">
        <SelectField label="Month" name="month" value={month} options={options} onChange={selectMonth} />
        <ExportButton />
      </div>
      <ExportStatus />
      {byNumber.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">No calls or messages in {formatMonth(summary.month)}</p>
          <p>
            {summary.asOf.records === null
              ? 'Gleam has not read your calls and messages from Twilio yet. Each number’s and each agent’s calls, texts and costs appear here once it has.'
              : 'When your numbers make or take calls or send or receive texts, each number’s and each agent’s minutes, segments and costs appear here.'}
          </p>
        </div>
      ) : (
        <>
          {unrated > 0 && (
            <p className="notice notice-info">
              Twilio has not priced {countOf(unrated, 'call or message', 'calls or messages')} yet, so{' '}
              {unrated === 1 ? 'its cost is' : 'their cost is'} missing from these totals. Refresh later to add it.
            </p>
          )}
          <NumberTable numbers={byNumber} currency={currency} />
          <AgentTable agents={byAgent} currency={currency} />
        </>
      )}
    </section>
  );
}

function ExportButton() {
  const { saving, run } = useCostsExport();
  const { month } = useCostSummary();
  return (
    <button type="button" className="button" disabled={saving} onClick={() => run(month)}>
      Export CSV…
    </button>
  );
}

/** Where the file went, or why it did not; nothing when the person cancelled the save dialog. */
function ExportStatus() {
  const { savedTo, error, dismiss } = useCostsExport();
  return (
    <>
      {/* The live region stays in the page so the message is announced when it appears. */}
      <div role="status" className="costs-export-region">
        {savedTo !== null && (
          <p className="notice notice-success">
            Saved to <span className="costs-path">{savedTo}</span>{' '}
            <button type="button" className="link-button" onClick={dismiss}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      {error && <ErrorNotice error={error} onDismiss={dismiss} />}
    </>
  );
}

/** "3 (12 min)": calls with their billable minutes. */
const callsText = (calls: number, minutes: number) => `${calls.toLocaleString()} (${minutes.toLocaleString()} min)`;
/** "4 (5 segments)": messages with the segments Twilio bills. */
const messagesText = (messages: number, segments: number) =>
  `${messages.toLocaleString()} (${countOf(segments, 'segment')})`;

function Cost({ totals, currency }: { totals: UsageTotals; currency: string }) {
  return (
    <td className="costs-num">
      <Amount micros={totals.totalCostMicros} currency={currency} />
      {totals.unrated > 0 && <span className="costs-unrated">{totals.unrated.toLocaleString()} not priced yet</span>}
    </td>
  );
}

interface TableColumn {
  label: string;
  numeric?: true;
}

/** A month's rows as a table, the first cell of each a row header, with "Show more" for long lists. */
function CostsTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  cells,
}: {
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  cells: (row: Row) => ReactNode;
}) {
  const { shown, showMore } = useShowMore(rows);
  return (
    <div className="costs-table-block">
      <DataTable>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'costs-num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={rowKey(row)}>{cells(row)}</tr>
          ))}
        </tbody>
      </DataTable>
      {showMore}
    </div>
  );
}

const NUMBER_COLUMNS: readonly TableColumn[] = [
  { label: 'Number' },
  { label: 'Name' },
  { label: 'Agent' },
  { label: 'Calls in', numeric: true },
  { label: 'Calls out', numeric: true },
  { label: 'Messages in', numeric: true },
  { label: 'Messages out', numeric: true },
  { label: 'Cost', numeric: true },
];

function NumberTable({ numbers, currency }: { numbers: readonly NumberCosts[]; currency: string }) {
  return (
    <CostsTable
      caption="By number"
      columns={NUMBER_COLUMNS}
      rows={numbers}
      rowKey={(number) => number.phoneNumber}
      cells={(number) => (
        <>
          <th scope="row" className="costs-phone">
            <data value={number.phoneNumber} title={number.phoneNumber}>
              {formatPhoneNumber(number.phoneNumber)}
            </data>
          </th>
          <td>
            {number.friendlyName}
            {number.released && (
              <span className="muted">{number.friendlyName === null ? '(released)' : ' (released)'}</span>
            )}
          </td>
          <td>{number.agent ? number.agent.name : <span className="muted">No agent</span>}</td>
          <td className="costs-num">{callsText(number.inboundCalls, number.inboundMinutes)}</td>
          <td className="costs-num">{callsText(number.outboundCalls, number.outboundMinutes)}</td>
          <td className="costs-num">{messagesText(number.inboundMessages, number.inboundSegments)}</td>
          <td className="costs-num">{messagesText(number.outboundMessages, number.outboundSegments)}</td>
          <Cost totals={number} currency={currency} />
        </>
      )}
    />
  );
}

/** "15 (12 in, 3 out)". */
const inOutText = (inbound: number, outbound: number) =>
  `${(inbound + outbound).toLocaleString()} (${inbound.toLocaleString()} in, ${outbound.toLocaleString()} out)`;

const AGENT_COLUMNS: readonly TableColumn[] = [
  { label: 'Agent' },
  { label: 'Numbers', numeric: true },
  { label: 'Minutes', numeric: true },
  { label: 'SMS segments', numeric: true },
  { label: 'Cost', numeric: true },
];

function AgentTable({ agents, currency }: { agents: readonly AgentCosts[]; currency: string }) {
  return (
    <CostsTable
      caption="By agent"
      columns={AGENT_COLUMNS}
      rows={agents}
      rowKey={(entry) => entry.agent?.id ?? 'none'}
      cells={(entry) => (
        <>
          <th scope="row">{entry.agent ? entry.agent.name : <span className="muted">No agent</span>}</th>
          <td className="costs-num">{entry.numbers.toLocaleString()}</td>
          <td className="costs-num">{inOutText(entry.inboundMinutes, entry.outboundMinutes)}</td>
          <td className="costs-num">{inOutText(entry.inboundSegments, entry.outboundSegments)}</td>
          <Cost totals={entry} currency={currency} />
        </>
      )}
    />
  );
}
