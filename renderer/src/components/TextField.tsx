import { useId, useState } from 'react';
import { fieldDescribedBy, FieldShell } from './Field';
import { Icon } from './icons';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | null | undefined;
  help?: string;
  placeholder?: string;
  /** Masked, with a show/hide toggle. */
  secret?: boolean;
  /** A text area this many rows high instead of a one-line input. */
  rows?: number;
  disabled?: boolean;
}

export function TextField({
  label,
  name,
  value,
  onChange,
  onBlur,
  error,
  help,
  placeholder,
  secret,
  rows,
  disabled,
}: TextFieldProps) {
  const id = useId();
  const [revealed, setRevealed] = useState(false);
  const common = {
    id,
    name,
    value,
    placeholder,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': fieldDescribedBy(id, error, help),
    onBlur,
  };
  return (
    <FieldShell id={id} label={label} error={error} help={help}>
      <div className="field-input">
        {rows !== undefined ? (
          <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input
            {...common}
            type={secret && !revealed ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
        {secret && (
          <button
            type="button"
            className="icon-button"
            aria-label={revealed ? `Hide ${label}` : `Show ${label}`}
            aria-pressed={revealed}
            onClick={() => setRevealed((shown) => !shown)}
          >
            <Icon name={revealed ? 'eyeOff' : 'eye'} />
          </button>
        )}
      </div>
    </FieldShell>
  );
}
