import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiRequestError } from '../api/api-client';
import { useLinkToken } from '../api/link-token';
import { ErrorSummary } from '../forms/error-summary';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import {
  errorsFromApi,
  toSummary,
  validateNewPassword,
  type FieldErrors,
  type NewPasswordValues,
} from './password-forms';
import { NewPasswordFields } from './new-password-fields';

type Field = keyof NewPasswordValues;
const FIELDS: readonly Field[] = ['password', 'confirmation'];

const INCOMPLETE_LINK =
  'This link is not complete. Open it again from the email, or ask for a new one.';

/** Where the reset email leads: a new password, and every session of the account ends. */
export function ResetPasswordPage() {
  const { api } = useSession();
  const token = useLinkToken();
  const [values, setValues] = useState<NewPasswordValues>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [outcome, setOutcome] = useState<'form' | 'done' | { spent: string }>(
    token === '' ? { spent: INCOMPLETE_LINK } : 'form',
  );
  const [submitting, setSubmitting] = useState(false);
  const summary = useMemo(() => toSummary(errors, FIELDS), [errors]);

  usePageTitle('Choose a new password', summary.length > 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    const problems = validateNewPassword(values);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setSubmitting(true);
    try {
      await api.requestWithoutSession<void>('/auth/password-reset/confirm', {
        method: 'POST',
        body: { token, password: values.password },
      });
      setOutcome('done');
    } catch (error) {
      if (
        error instanceof ApiRequestError &&
        (error.code === 'reset_token_used' ||
          error.code === 'reset_token_expired' ||
          error.fields.token !== undefined)
      ) {
        setOutcome({ spent: error.message });
      } else {
        setErrors(
          error instanceof ApiRequestError
            ? errorsFromApi(error, FIELDS)
            : { form: 'Something went wrong. Please try again.' },
        );
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (outcome === 'done') {
    return (
      <>
        <h1>Your password is changed</h1>
        <p className="lead" data-testid="reset-done">
          Every device that was signed in to your account has been signed out. Sign in with your new
          password.
        </p>
        <Link className="button" to="/sign-in">
          Sign in
        </Link>
      </>
    );
  }
  if (typeof outcome === 'object') {
    return (
      <>
        <h1>This link cannot be used</h1>
        <div className="notification" role="alert" data-testid="reset-link-spent">
          <p>{outcome.spent}</p>
        </div>
        <Link className="button" to="/forgot-password">
          Ask for a new link
        </Link>
      </>
    );
  }

  const change = (field: Field) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>Choose a new password</h1>
      <form
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <NewPasswordFields
          values={values}
          errors={errors}
          onChange={(field, value) => change(field)(value)}
        />
        <button className="button" type="submit" disabled={submitting} aria-disabled={submitting}>
          {submitting ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </>
  );
}
