import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiRequestError } from '../api/api-client';
import { ErrorSummary } from '../forms/error-summary';
import { TextField } from '../forms/text-field';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import { emailProblem, errorsFromApi, toSummary, type FieldErrors } from './password-forms';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const { api } = useSession();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'email'>>({});
  const [sent, setSent] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const summary = useMemo(() => toSummary(errors, ['email']), [errors]);

  usePageTitle(sent === null ? 'Forgot your password?' : 'Check your email', summary.length > 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    const problem = emailProblem(email);
    setErrors(problem === undefined ? {} : { email: problem });
    if (problem !== undefined) {
      return;
    }
    setSubmitting(true);
    try {
      const answer = await api.requestWithoutSession<{ message: string }>('/auth/password-reset', {
        method: 'POST',
        body: { email: email.trim() },
      });
      setSent(answer.message);
    } catch (error) {
      setErrors(
        error instanceof ApiRequestError
          ? errorsFromApi(error, ['email'] as const)
          : { form: 'Something went wrong. Please try again.' },
      );
    } finally {
      setSubmitting(false);
    }
  };

  if (sent !== null) {
    return (
      <>
        <h1>Check your email</h1>
        <p className="lead" data-testid="reset-requested">
          {sent}
        </p>
        <p>If nothing arrives in a few minutes, check your spam folder or ask again.</p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>Forgot your password?</h1>
      <p className="lead">
        Enter the email address you sign in with. We will email you a link to choose a new password.
      </p>
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
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button className="button" type="submit" disabled={submitting} aria-disabled={submitting}>
          {submitting ? 'Sending…' : 'Email me a link'}
        </button>
      </form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </>
  );
}
