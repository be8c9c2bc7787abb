import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { NUMBER_TYPES } from '../../../../shared/domain/numbers';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { readErrorOf, useChannelQuery } from '../../lib/query/hooks';
import type { BuyNumber } from './use-buy-number';
import {
  checkSearchDraft,
  checkSearchField,
  EMPTY_SEARCH,
  toSearchInput,
  type SearchDraft,
  type SearchDraftErrors,
  type SearchTextField,
} from './buy-form';
import { NUMBER_TYPE_LABEL } from '../../lib/format';
import type { TwilioActions } from '../../lib/twilio-actions';

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
  const [draft, setDraft] = useState<SearchDraft>(EMPTY_SEARCH);
  const [fieldErrors, setFieldErrors] = useState<SearchDraftErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  // Main lists the US first; if the remembered choice is not offered, fall back to the first country.
  const country = countries?.some((entry) => entry.code === draft.country) ? draft.country : countries?.[0]?.code;

  const updateText = (field: SearchTextField) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // A shown problem clears as soon as it is fixed; new problems wait for blur or Search.
    if (fieldErrors[field] && !checkSearchField(field, value)) {
      setFieldErrors(({ [field]: _fixed, ...rest }) => rest);
    }
  };

  const blur = (field: SearchTextField) => () => {
    const problem = checkSearchField(field, draft[field]);
    setFieldErrors(({ [field]: _previous, ...rest }) => (problem ? { ...rest, [field]: problem } : rest));
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problems = checkSearchDraft(draft);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (!country) return;
    searchAvailableNumbers(toSearchInput({ ...draft, country }));
  };

  const textField = (field: SearchTextField, label: string, extra: { placeholder?: string; help?: string } = {}) => (
    <TextField
      label={label}
      // Prefixed: a form control named `contains` would shadow the form element's own contains().
      name={`search-${field}`}
      value={draft[field]}
      onChange={updateText(field)}
      onBlur={blur(field)}
      error={fieldErrors[field]}
      disabled={searching}
      {...extra}
    />
  );

  return (
    <form ref={formRef} className="form buy-form" noValidate aria-label="Search for a number" onSubmit={submit}>
      <div className="buy-form-row">
        <div className="field">
          <label htmlFor={`${id}-country`}>Country</label>
          <select
            id={`${id}-country`}
            className="select"
            value={country ?? ''}
            disabled={!countries || searching}
            onChange={(event) => setDraft((current) => ({ ...current, country: event.target.value }))}
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
        <fieldset className="field buy-type" disabled={searching}>
          <legend>Type</legend>
          <div className="choice-row">
            {NUMBER_TYPES.map((type) => (
              <label key={type} className="choice">
                <input
                  type="radio"
                  name={`${id}-type`}
                  value={type}
                  checked={draft.type === type}
                  onChange={() => setDraft((current) => ({ ...current, type }))}
                />
                {NUMBER_TYPE_LABEL[type]}
              </label>
            ))}
          </div>
        </fieldset>
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
              <input
                type="checkbox"
                checked={draft[key]}
                onChange={(event) => {
                  const checked = event.target.checked;
                  setDraft((current) => ({ ...current, [key]: checked }));
                }}
              />
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
