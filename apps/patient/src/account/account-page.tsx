import { useMemo, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/api-client';
import { ErrorSummary } from '../forms/error-summary';
import { TextField } from '../forms/text-field';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import {
  errorsFromApi,
  toSummary,
  validateChangePassword,
  type ChangePasswordValues,
  type FieldErrors,
} from './password-forms';
import { NewPasswordFields } from './new-password-fields';

type Field = keyof ChangePasswordValues;
const FIELDS: readonly Field[] = ['currentPassword', 'password', 'confirmation'];
const EMPTY: ChangePasswordValues = { currentPassword: '', password: '', confirmation: '' };

/** The patient's own account: change the password, and sign out on every device. */
export function AccountPage() {
  const { api, session, signOut } = useSession();
  const [values, setValues] = useState<ChangePasswordValues>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [changed, setChanged] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [everywhereError, setEverywhereError] = useState<string | null>(null);
  const summary = useMemo(() => toSummary(errors, FIELDS), [errors]);

  usePageTitle('Your account', summary.length > 0);

  const change = (field: Field) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    setChanged(false);
    const problems = validateChangePassword(values);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setSubmitting(true);
    try {
      await api.request<void>('/me/password', {
        method: 'POST',
        body: { currentPassword: values.currentPassword, newPassword: values.password },
      });
      setValues(EMPTY);
      setChanged(true);
    } catch (error) {
      setErrors(
        error instanceof ApiRequestError
          ? errorsFromApi(error, FIELDS, { newPassword: 'password' })
          : { form: 'Something went wrong. Please try again.' },
      );
    } finally {
      setSubmitting(false);
    }
  };

  const signOutEverywhere = async () => {
    setEverywhereError(null);
    try {
      await api.request<void>('/auth/sign-out-everywhere', { method: 'POST' });
    } catch (error) {
      setEverywhereError(
        error instanceof Error ? error.message : 'Something went wrong. Please try again.',
      );

      return;
    }
    await signOut();
  };

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>Your account</h1>
      {session.status === 'signed-in' && <p className="lead">You sign in as {session.me.email}.</p>}

      <h2 className="heading-m">Change your password</h2>
      {changed && (
        <div className="notification" role="status" data-testid="password-changed">
          <p>
            Your password is changed. Other devices signed in to your account have been signed out,
            and we emailed you to say so.
          </p>
        </div>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <TextField
          id="currentPassword"
          name="currentPassword"
          type="password"
          label="Current password"
          autoComplete="current-password"
          value={values.currentPassword}
          error={errors.currentPassword}
          onChange={(event) => change('currentPassword')(event.target.value)}
        />
        <NewPasswordFields
          values={values}
          errors={errors}
          onChange={(field, value) => change(field)(value)}
        />
        <button className="button" type="submit" disabled={submitting} aria-disabled={submitting}>
          {submitting ? 'Saving…' : 'Change password'}
        </button>
      </form>

      <h2 className="heading-m">Sign out everywhere</h2>
      <p>
        Lost your phone, or signed in on someone else&apos;s computer? This signs you out on every
        device at once, this one too.
      </p>
      {everywhereError !== null && (
        <div className="notification" role="alert">
          <p>{everywhereError}</p>
        </div>
      )}
      <button
        className="button button--secondary"
        type="button"
        onClick={() => {
          void signOutEverywhere();
        }}
      >
        Sign out everywhere
      </button>
    </>
  );
}
