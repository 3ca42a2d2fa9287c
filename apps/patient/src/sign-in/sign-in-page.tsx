import { useMemo, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiRequestError } from '../api/api-client';
import { ErrorSummary } from '../forms/error-summary';
import { TextField } from '../forms/text-field';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import {
  errorsFromApi,
  toSummary,
  validateSignIn,
  type SignInErrors,
  type SignInValues,
} from './sign-in-form';

interface ClinicChoice {
  id: string;
  name: string;
}

function clinicsFrom(error: ApiRequestError): ClinicChoice[] {
  const clinics = error.details.clinics;

  return Array.isArray(clinics)
    ? clinics.filter(
        (clinic): clinic is ClinicChoice =>
          typeof clinic === 'object' &&
          clinic !== null &&
          typeof (clinic as ClinicChoice).id === 'string' &&
          typeof (clinic as ClinicChoice).name === 'string',
      )
    : [];
}

export function SignInPage() {
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<SignInValues>({ email: '', password: '', clinicId: '' });
  const [errors, setErrors] = useState<SignInErrors>({});
  const [clinics, setClinics] = useState<ClinicChoice[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const summary = useMemo(() => toSummary(errors), [errors]);

  usePageTitle('Sign in', summary.length > 0);

  if (session.status === 'signed-in') {
    return <Navigate to="/" replace />;
  }

  const change = (field: keyof SignInValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    const problems = validateSignIn(values, clinics.length > 0);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }

    setSubmitting(true);
    try {
      await signIn({
        email: values.email.trim(),
        password: values.password,
        ...(values.clinicId === '' ? {} : { clinicId: values.clinicId }),
      });
      const from: unknown = location.state;
      const target =
        typeof from === 'object' && from !== null && 'from' in from && typeof from.from === 'string'
          ? from.from
          : '/';
      await navigate(target, { replace: true });
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'clinic_required') {
        setClinics(clinicsFrom(error));
        setErrors({ clinicId: 'Choose the clinic you want to sign in to' });
      } else if (error instanceof ApiRequestError) {
        setErrors(errorsFromApi(error));
      } else {
        setErrors({ form: 'Something went wrong. Please try again.' });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>Sign in</h1>
      <p className="lead">Use the email address your clinic enrolled you with.</p>

      <form
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <TextField
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          value={values.email}
          error={errors.email}
          onChange={(event) => change('email')(event.target.value)}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          value={values.password}
          error={errors.password}
          onChange={(event) => change('password')(event.target.value)}
        />

        {clinics.length > 0 && (
          <div
            className={
              errors.clinicId === undefined ? 'form-group' : 'form-group form-group--error'
            }
          >
            <fieldset
              className="fieldset"
              aria-describedby={errors.clinicId === undefined ? undefined : 'clinic-error'}
            >
              <legend className="legend">Which clinic do you want to sign in to?</legend>
              {errors.clinicId !== undefined && (
                <p className="error-message" id="clinic-error">
                  <span className="visually-hidden">Error: </span>
                  {errors.clinicId}
                </p>
              )}
              <div className="radios">
                {clinics.map((clinic, index) => (
                  <div className="radios__item" key={clinic.id}>
                    <input
                      className="radios__input"
                      id={`clinic-${index}`}
                      type="radio"
                      name="clinicId"
                      value={clinic.id}
                      checked={values.clinicId === clinic.id}
                      onChange={() => change('clinicId')(clinic.id)}
                    />
                    <label className="radios__label" htmlFor={`clinic-${index}`}>
                      {clinic.name}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        )}

        <button className="button" type="submit" disabled={submitting} aria-disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>

      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>

      <h2 className="heading-m">Problems signing in</h2>
      <p>
        If you have not had an invitation, or a reset link does not arrive, contact your clinic.
      </p>
    </>
  );
}
