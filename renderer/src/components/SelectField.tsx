import { useId } from 'react';
import { fieldDescribedBy, FieldShell } from './Field';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string> {
  label: string;
  name: string;
  value: V | '';
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  /** A first, empty choice ("Choose an agent") for when nothing is chosen yet. */
  placeholder?: string;
  error?: string | null | undefined;
  help?: string;
  disabled?: boolean;
}

/** A labelled drop-down whose value is always one of `options`. */
export function SelectField<V extends string>({
  label,
  name,
  value,
  options,
  onChange,
  placeholder,
  error,
  help,
  disabled,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} help={help}>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, error, help)}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
