import { useId } from 'react';
import type { SelectOption } from './SelectField';

interface RadioGroupProps<V extends string> {
  legend: string;
  /** The radios' shared name. */
  name: string;
  options: readonly SelectOption<V>[];
  value: V;
  onChange: (value: V) => void;
  /** Spacing of the place it sits in. */
  className: string;
  help?: string;
  disabled?: boolean;
}

/** One choice out of a few, all in view: a fieldset of radios in a row, with its help under them. */
export function RadioGroup<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  className,
  help,
  disabled,
}: RadioGroupProps<V>) {
  const helpId = `${useId()}-help`;
  return (
    <fieldset className={`field ${className}`} disabled={disabled} aria-describedby={help ? helpId : undefined}>
      <legend>{legend}</legend>
      <div className="choice-row">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
    </fieldset>
  );
}
