/**
 * A form driven by the zod schema main parses the same input with, so a
 * person sees which field to fix, in the schema's own words, before anything
 * is sent, and what passes here passes in main.
 *
 * A field's error shows once it is left (not while it is still empty) or on
 * submit, and goes as soon as the value is right; submitting with errors
 * focuses the first field to fix. Main's own field errors (from a
 * `validation` answer) show where the form has none.
 */
import { useState, type SyntheticEvent } from 'react';
import type { z } from 'zod';

type Errors<Field extends string> = Partial<Record<Field, string>>;

interface SchemaFormOptions<Schema extends z.ZodObject> {
  schema: Schema;
  initial: z.input<Schema>;
  /** What an empty field (after trimming) says, where the schema's rule would not tell the person what to do. */
  required?: Partial<Record<keyof z.input<Schema> & string, string>>;
  /** Main's field errors, by field. */
  serverErrors?: Partial<Record<keyof z.input<Schema> & string, string>>;
  /** With the draft as main will take it (trimmed); a form may reset itself after. */
  onValid: (value: z.output<Schema>) => void | Promise<void>;
}

export interface SchemaForm<Draft extends Record<string, unknown>> {
  draft: Draft;
  set: <F extends keyof Draft & string>(field: F, value: Draft[F]) => void;
  /** What a TextField or SelectField of that field takes: its name, value, changes, leaving it, and its error. */
  field: <F extends keyof Draft & string>(
    name: F,
  ) => {
    name: F;
    value: Draft[F];
    onChange: (value: Draft[F]) => void;
    onBlur: () => void;
    error: string | undefined;
  };
  /** The form's onSubmit. */
  submit: (event: SyntheticEvent<HTMLFormElement>) => void;
  /** Back to the initial draft, with no errors. */
  reset: () => void;
}

export function useSchemaForm<Schema extends z.ZodObject>({
  schema,
  initial,
  required = {},
  serverErrors = {},
  onValid,
}: SchemaFormOptions<Schema>): SchemaForm<z.input<Schema>> {
  type Draft = z.input<Schema>;
  type Field = keyof Draft & string;
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Errors<Field>>({});

  /** Each field's broken rule: the last the schema found (its format comes after its length limit). */
  const check = (candidate: Draft): { errors: Errors<Field>; value?: z.output<Schema> } => {
    const found: Errors<Field> = {};
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') as Field;
        if (field in candidate) found[field] = issue.message;
      }
    }
    for (const [field, message] of Object.entries(required) as [Field, string][]) {
      if (String(candidate[field]).trim() === '') found[field] = message;
    }
    return Object.keys(found).length > 0 || !parsed.success ? { errors: found } : { errors: {}, value: parsed.data };
  };

  const without = (field: Field) => (current: Errors<Field>) => {
    const { [field]: _gone, ...rest } = current;
    return rest as Errors<Field>;
  };

  const set = <F extends Field>(field: F, value: Draft[F]) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    // A shown error goes as soon as the value is right; new errors wait for the field to be left, or submit.
    if (errors[field] && !check(next).errors[field]) setErrors(without(field));
  };

  const blur = (field: Field) => {
    if (draft[field] === '') return;
    const problem = check(draft).errors[field];
    setErrors((current) => (problem ? { ...current, [field]: problem } : without(field)(current)));
  };

  return {
    draft,
    set,
    field: (name) => ({
      name,
      value: draft[name],
      onChange: (value) => set(name, value),
      onBlur: () => blur(name),
      error: errors[name] ?? serverErrors[name],
    }),
    submit: (event) => {
      event.preventDefault();
      const formElement = event.currentTarget;
      const checked = check(draft);
      setErrors(checked.errors);
      if (checked.value === undefined) {
        requestAnimationFrame(() => formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        return;
      }
      void onValid(checked.value);
    },
    reset: () => {
      setDraft(initial);
      setErrors({});
    },
  };
}
