/**
 * The Phone Numbers list's search, filters and sort over 10,000 numbers
 * (renderer/src/features/numbers/number-query.ts), each against the plainest
 * JavaScript that answers the same question, in the same run: a bare
 * `Array.filter` with `includes` for a search, `Array.sort` on one string for
 * a sort. The screen re-runs only the filter on a keystroke and only the sort
 * on a header click (NumbersList.tsx); the index is built once per list.
 */
import type { OwnedNumber } from '../shared/domain/numbers';
import {
  filterNumbers,
  indexNumbers,
  NO_FILTERS,
  sortNumbers,
  type NumberSort,
} from '../renderer/src/features/numbers/number-query';
import { ownedNumber } from '../test/renderer/numbers/test-fixtures';
import { median, timedEach, type Comparison } from './measure';

const NUMBERS = 10_000;
const ROUNDS = 25;
const AGENTS = ['Reception', 'Bookings', 'After hours', 'Sales', 'Support'];

/** A list like a large account's: four area codes, a quarter of the numbers with one of five agents. */
function numbersOfALargeAccount(): OwnedNumber[] {
  return Array.from({ length: NUMBERS }, (_, index) => {
    const agentName = AGENTS[index % AGENTS.length] ?? 'Reception';
    return ownedNumber(index, {
      friendlyName: `Line ${(index * 7919) % NUMBERS}`,
      assignment:
        index % 4 === 0
          ? {
              agentId: `agent-${index % AGENTS.length}`,
              agentName,
              agentStatus: 'active',
              status: 'configured',
              error: null,
              messaging: null,
              messagingError: null,
            }
          : null,
    });
  });
}

export function benchQuery(): Comparison[] {
  const numbers = numbersOfALargeAccount();
  const indexed = indexNumbers(numbers);
  const byNumber: NumberSort = { key: 'number', direction: 'ascending' };
  const sorted = sortNumbers(indexed, byNumber);
  const name = `${NUMBERS.toLocaleString('en-US')} numbers, ${ROUNDS} rounds`;
  const indexMs = median(timedEach(ROUNDS, () => indexNumbers(numbers)));
  // What is timed must find something, or a broken search would time as fast.
  for (const text of ['646555', 'line 12']) {
    if (filterNumbers(sorted, { ...NO_FILTERS, text }).length === 0) throw new Error(`no number matches ${text}`);
  }
  const searchFor = (text: string) => () => filterNumbers(sorted, { ...NO_FILTERS, text });
  const bareSearchFor = (text: string) => () => numbers.filter((number) => number.phoneNumber.includes(text));
  const byName = (a: OwnedNumber, b: OwnedNumber) =>
    a.friendlyName < b.friendlyName ? -1 : a.friendlyName > b.friendlyName ? 1 : 0;
  return [
    {
      name: `Numbers list — a keystroke in the search box ("646555"), ${name}`,
      subject: 'filterNumbers (digits and names, anchored)',
      baseline: 'numbers.filter(phoneNumber.includes(text))',
      subjectMs: timedEach(ROUNDS, searchFor('646555')),
      baselineMs: timedEach(ROUNDS, bareSearchFor('646555')),
      goal: null,
    },
    {
      name: `Numbers list — a search by name ("line 12"), ${name}`,
      subject: 'filterNumbers (digits and names, anchored)',
      baseline: 'numbers.filter(phoneNumber.includes(text))',
      subjectMs: timedEach(ROUNDS, searchFor('line 12')),
      baselineMs: timedEach(ROUNDS, bareSearchFor('line 12')),
      goal: null,
    },
    {
      name: `Numbers list — type, capability and agent filters together, ${name}`,
      subject: 'filterNumbers (local, SMS, needs an agent)',
      baseline: 'numbers.filter(phoneNumber.includes(text))',
      subjectMs: timedEach(ROUNDS, () =>
        filterNumbers(sorted, { text: '', type: 'local', capability: 'sms', agent: 'none' }),
      ),
      baselineMs: timedEach(ROUNDS, bareSearchFor('646555')),
      goal: null,
    },
    {
      name: `Numbers list — a click on the Name header, ${name}`,
      subject: 'sortNumbers by name (locale-aware, numeric, ties by number)',
      baseline: 'numbers.slice().sort() on friendlyName with <',
      subjectMs: timedEach(ROUNDS, () => sortNumbers(indexed, { key: 'friendlyName', direction: 'ascending' })),
      baselineMs: timedEach(ROUNDS, () => numbers.slice().sort(byName)),
      goal: null,
    },
    {
      name: `Numbers list — a click on the Agent header, ${name}`,
      subject: 'sortNumbers by agent (numbers without one last)',
      baseline: 'numbers.slice().sort() on friendlyName with <',
      subjectMs: timedEach(ROUNDS, () => sortNumbers(indexed, { key: 'agent', direction: 'descending' })),
      baselineMs: timedEach(ROUNDS, () => numbers.slice().sort(byName)),
      goal: null,
      notes: [`built once per list, not per keystroke: indexNumbers ${indexMs.toFixed(1)} ms`],
    },
  ];
}
