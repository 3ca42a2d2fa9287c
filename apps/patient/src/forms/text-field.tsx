import type { InputHTMLAttributes } from 'react';

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'value'>;

interface TextFieldProps extends NativeInputProps {
  id: string;
  label: string;
  value: string;
  hint?: string;
  error?: string | undefined;
}

/** A labelled input with its hint and, after a failed submit, its error message beside it. */
export function TextField({ id, label, hint, error, ...input }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId]
    .filter((part) => part !== null)
    .join(' ');

  return (
    <div className={error === undefined ? 'form-group' : 'form-group form-group--error'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {error !== undefined && (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <input
        {...input}
        id={id}
        className={error === undefined ? 'input' : 'input input--error'}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        aria-invalid={error === undefined ? undefined : true}
      />
    </div>
  );
}
