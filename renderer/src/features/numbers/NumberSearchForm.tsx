import { useId } from 'react';
import { NUMBER_TYPES } from '../../../../shared/domain/numbers';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../lib/use-schema-form';
import { readErrorOf, useChannelQuery } from '../../lib/query/hooks';
import type { BuyNumber } from './use-buy-number';
import { EMPTY_SEARCH, SearchDraftSchema, toSearchInput } from './buy-form';
import { NUMBER_TYPE_LABEL } from '../../lib/format';
import type { TwilioActions } from '../../lib/twilio-actions';

const TYPE_OPTIONS = NUMBER_TYPES.map((type) => ({ value: type, label: NUMBER_TYPE_LABEL[type] }));

const CAPABILITY_FIELDS: { key: 'voice' | 'sms' | 'mms'; label: string; help: string }[] = [
  { key: 'voice', label: 'Voice', help: 'phone calls' },
  { key: 'sms', label: 'SMS', help: 'text messages' },
  { key: 'mms', label: 'MMS', help: 'picture messages' },
];

/** Where to look for a number and what it must do; checked here before Twilio is asked. */
export function NumberSearchForm({ buy, actions }: { buy: BuyNumber; actions: TwilioActions }) {
  const id = useId();
  // The list barely changes, so it is asked for once per session.
  const countriesQuery = useChannelQuery('numbers:countries', {});
  const countries = countriesQuery.data?.countries ?? null;
  const countriesError = readErrorOf(countriesQuery);
  const { searching, searchNumbers: searchAvailableNumbers } = buy;
  const form = useSchemaForm({
    schema: SearchDraftSchema,
    initial: EMPTY_SEARCH,
    onValid: (checked) => {
      if (country) searchAvailableNumbers(toSearchInput({ ...checked, country }));
    },
  });
  const { draft, set } = form;

  // Main lists the US first; if the remembered choice is not offered, fall back to the first country.
  const country = countries?.some((entry) => entry.code === draft.country) ? draft.country : countries?.[0]?.code;

  const textField = (
    field: 'areaCode' | 'locality' | 'region' | 'contains',
    label: string,
    extra: { placeholder?: string; help?: string } = {},
  ) => (
    <TextField
      label={label}
      {...form.field(field)}
      // Prefixed: a form control named `contains` would shadow the form element's own contains().
      name={`search-${field}`}
      disabled={searching}
      {...extra}
    />
  );

  return (
    <form className="form buy-form" noValidate aria-label="Search for a number" onSubmit={form.submit}>
      <div className="buy-form-row">
        <div className="field">
          <label htmlFor={`${id}-country`}>Country</label>
          <select
            id={`${id}-country`}
            className="input"
            value={country ?? ''}
            disabled={!countries || searching}
            onChange={(event) => set('country', event.target.value)}
          >
            {countries ? (
              countries.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {entry.name}
                </option>
              ))
            ) : (
              <option value="">{countriesError ? 'Countries could not be loaded' : 'Loading countries…'}</option>
            )}
          </select>
        </div>
        <RadioGroup
          legend="Type"
          name={`${id}-type`}
          options={TYPE_OPTIONS}
          value={draft.type}
          onChange={(type) => set('type', type)}
          className="buy-type"
          disabled={searching}
        />
      </div>
      {countriesError && (
        <div>
          <ErrorNotice error={countriesError} />
          <button type="button" className="button" onClick={() => void countriesQuery.refetch()}>
            Load countries again
          </button>
        </div>
      )}
      <div className="buy-form-grid">
        {textField('areaCode', 'Area code', { placeholder: '415', help: 'Three digits. Leave empty for any.' })}
        {textField('locality', 'City', { placeholder: 'San Francisco' })}
        {textField('region', 'State or region', { placeholder: 'CA' })}
        {textField('contains', 'Number contains', {
          placeholder: 'PIPE or 555*',
          help: 'Digits or letters (letters match the phone keypad); * stands for any digit.',
        })}
      </div>
      <fieldset className="field" disabled={searching}>
        <legend>The number must handle</legend>
        <div className="choice-row">
          {CAPABILITY_FIELDS.map(({ key, label, help }) => (
            <label key={key} className="choice">
              <input type="checkbox" checked={draft[key]} onChange={(event) => set(key, event.target.checked)} />
              {label} <span className="muted">({help})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={searching || !country || actions.blocked}
          aria-describedby={actions.describedBy}
        >
          {searching ? 'Searching…' : 'Search'}
        </button>
      </div>
    </form>
  );
}
