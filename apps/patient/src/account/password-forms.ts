import { PASSWORD_MIN_LENGTH } from '@ivks/contracts';
import type { ApiRequestError } from '../api/api-client';
import type { FormError } from '../forms/error-summary';

// A simple shape check: the API has the last word, this only catches typing slips.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type FieldErrors<Field extends string> = Partial<Record<Field | 'form', string>>;

export function emailProblem(value: string): string | undefined {
  const email = value.trim();
  if (email === '') {
    return 'Enter your email address';
  }

  return EMAIL_SHAPE.test(email)
    ? undefined
    : 'Enter an email address in the correct format, like name@example.com';
}

export function newPasswordProblem(value: string): string | undefined {
  if (value === '') {
    return 'Enter a new password';
  }

  return [...value].length < PASSWORD_MIN_LENGTH
    ? `Use at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good password`
    : undefined;
}

export interface NewPasswordValues {
  password: string;
  confirmation: string;
}

export function validateNewPassword(
  values: NewPasswordValues,
): FieldErrors<keyof NewPasswordValues> {
  const errors: FieldErrors<keyof NewPasswordValues> = {};
  const problem = newPasswordProblem(values.password);
  if (problem !== undefined) {
    errors.password = problem;
  } else if (values.confirmation !== values.password) {
    errors.confirmation = 'The two passwords do not match. Type the new password again';
  }

  return errors;
}

export interface ChangePasswordValues extends NewPasswordValues {
  currentPassword: string;
}

export function validateChangePassword(
  values: ChangePasswordValues,
): FieldErrors<keyof ChangePasswordValues> {
  return {
    ...(values.currentPassword === '' ? { currentPassword: 'Enter your current password' } : {}),
    ...validateNewPassword(values),
  };
}

/**
 * Puts what the API said beside the fields it was about; `rename` maps the API's field names to
 * the form's where they differ.
 */
export function errorsFromApi<Field extends string>(
  error: ApiRequestError,
  fields: readonly Field[],
  rename: Partial<Record<string, Field>> = {},
): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const [name, messages] of Object.entries(error.fields)) {
    const field = rename[name] ?? (fields as readonly string[]).find((known) => known === name);
    if (field !== undefined && messages.length > 0) {
      errors[field as Field] = messages.join('. ');
    }
  }

  return Object.keys(errors).length > 0 ? errors : ({ form: error.message } as FieldErrors<Field>);
}

export function toSummary<Field extends string>(
  errors: FieldErrors<Field>,
  order: readonly Field[],
): FormError[] {
  const summary: FormError[] = order.flatMap((field) => {
    const message = errors[field];

    return message === undefined ? [] : [{ fieldId: field, message }];
  });

  return errors.form === undefined ? summary : [{ message: errors.form }, ...summary];
}
