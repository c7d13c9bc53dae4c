import { useId, type ReactNode } from 'react';

/** A labelled form control: the label names it, an optional hint describes it. */
export function Field({
  label,
  hint,
  children,
}: {
  readonly label: string;
  readonly hint?: string | undefined;
  readonly children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="demo-field">
      <label htmlFor={id}>{label}</label>
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint ? (
        <span id={hintId} className="demo-field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** A select over fixed options, each shown by its label. */
export function Select<T extends string | number>({
  label,
  value,
  options,
  optionLabel,
  onChange,
  name,
  hint,
}: {
  readonly label: string;
  readonly hint?: string | undefined;
  readonly value: T;
  readonly options: readonly T[];
  readonly optionLabel: (option: T) => string;
  readonly onChange: (value: T) => void;
  readonly name: string;
}): ReactNode {
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <select
          {...props}
          name={name}
          value={String(value)}
          onChange={(event) => {
            const chosen = options.find((option) => String(option) === event.target.value);
            if (chosen !== undefined) onChange(chosen);
          }}
        >
          {options.map((option) => (
            <option key={String(option)} value={String(option)}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
