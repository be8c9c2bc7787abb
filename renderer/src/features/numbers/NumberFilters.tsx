import { useId } from 'react';
import type { Agent } from '../../../../shared/domain/agents';
import { NUMBER_TYPES } from '../../../../shared/domain/numbers';
import { countOf, NUMBER_TYPE_LABEL } from '../../lib/format';
import {
  NO_FILTERS,
  type AgentFilter,
  type CapabilityFilter,
  type NumberFilters as Filters,
  type TypeFilter,
} from './number-query';

const CAPABILITY_OPTIONS: { value: CapabilityFilter; label: string }[] = [
  { value: 'any', label: 'Anything' },
  { value: 'voice', label: 'Voice' },
  { value: 'sms', label: 'SMS' },
  { value: 'mms', label: 'MMS' },
];

const toTypeFilter = (value: string): TypeFilter => NUMBER_TYPES.find((type) => type === value) ?? 'any';
const toCapabilityFilter = (value: string): CapabilityFilter =>
  CAPABILITY_OPTIONS.find((option) => option.value === value)?.value ?? 'any';

const toAgentFilter = (value: string): AgentFilter =>
  value === 'none' || value === 'attention' ? value : value.startsWith('agent:') ? `agent:${value.slice(6)}` : 'any';

interface NumberFiltersProps {
  /** For the Agent filter; null while they load. */
  agents: readonly Agent[] | null;
  filters: Filters;
  onChange: (filters: Filters) => void;
  shown: number;
  total: number;
}

/** Search box and the type, capability and agent filters, with how many numbers they leave. */
export function NumberFilters({ agents, filters, onChange, shown, total }: NumberFiltersProps) {
  const id = useId();
  const update = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const filtering =
    filters.text.trim() !== '' || filters.type !== 'any' || filters.capability !== 'any' || filters.agent !== 'any';

  return (
    <div className="numbers-filters" role="search" aria-label="Find numbers">
      <div className="filter-field filter-search">
        <label htmlFor={`${id}-text`}>Search your numbers</label>
        <input
          className="input"
          id={`${id}-text`}
          type="search"
          value={filters.text}
          placeholder="Digits or name, such as 415"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => update({ text: event.target.value })}
        />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select
          className="input"
          id={`${id}-type`}
          value={filters.type}
          onChange={(event) => update({ type: toTypeFilter(event.target.value) })}
        >
          <option value="any">All types</option>
          {NUMBER_TYPES.map((type) => (
            <option key={type} value={type}>
              {NUMBER_TYPE_LABEL[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-capability`}>Can do</label>
        <select
          className="input"
          id={`${id}-capability`}
          value={filters.capability}
          onChange={(event) => update({ capability: toCapabilityFilter(event.target.value) })}
        >
          {CAPABILITY_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-agent`}>Agent</label>
        <select
          className="input"
          id={`${id}-agent`}
          value={filters.agent}
          onChange={(event) => update({ agent: toAgentFilter(event.target.value) })}
        >
          <option value="any">Any agent</option>
          <option value="none">No agent</option>
          <option value="attention">Needs attention</option>
          {agents?.map((agent) => (
            <option key={agent.id} value={`agent:${agent.id}`}>
              {agent.name}
            </option>
          ))}
        </select>
      </div>
      <p className="numbers-count" role="status">
        Showing {shown.toLocaleString()} of {countOf(total, 'number')}
        {filtering && shown < total && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
              Show all
            </button>
          </>
        )}
      </p>
    </div>
  );
}
