import { PASSWORD_MIN_LENGTH } from '@ivks/contracts';
import { TextField } from '../forms/text-field';
import { type FieldErrors, type NewPasswordValues } from './password-forms';

interface NewPasswordFieldsProps {
  values: NewPasswordValues;
  errors: FieldErrors<keyof NewPasswordValues>;
  onChange: (field: keyof NewPasswordValues, value: string) => void;
}

/** A new password and the same again, with the advice on choosing one. */
export function NewPasswordFields({ values, errors, onChange }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        id="password"
        name="password"
        type="password"
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
        autoComplete="new-password"
        value={values.password}
        error={errors.password}
        onChange={(event) => onChange('password', event.target.value)}
      />
      <TextField
        id="confirmation"
        name="confirmation"
        type="password"
        label="New password again"
        autoComplete="new-password"
        value={values.confirmation}
        error={errors.confirmation}
        onChange={(event) => onChange('confirmation', event.target.value)}
      />
    </>
  );
}
