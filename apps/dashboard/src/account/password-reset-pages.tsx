import { useState } from 'react';
import {
  Button,
  Form,
  HttpError,
  Link,
  PasswordInput,
  TextInput,
  useDataProvider,
  useNotify,
} from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { ErrorBody } from '../api/api-client';
import { PublicPage, SIGN_IN_PATH } from '../onboarding/public-page';
import { fieldErrorsOf, messageOf } from '../staff/form-errors';
import type { AccountDataProvider } from './account-methods';
import { confirmationProblem, newPasswordProblem } from './account-forms';
import { FORGOT_PASSWORD_PATH } from './account-paths';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emailProblem(value: string | undefined): string | undefined {
  const email = (value ?? '').trim();
  if (email === '') {
    return 'Enter your email address';
  }

  return EMAIL_SHAPE.test(email)
    ? undefined
    : 'Enter an email address in the correct format, like name@example.com';
}

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const dataProvider = useDataProvider<AccountDataProvider>();
  const notify = useNotify();
  const [sent, setSent] = useState<string | null>(null);

  const submit = async (values: { email?: string }) => {
    try {
      const { message } = await dataProvider.requestPasswordReset((values.email ?? '').trim());
      setSent(message);

      return undefined;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) {
        notify(messageOf(error, 'We could not send a reset link. Please try again.'), {
          type: 'error',
        });
      }

      return fields ?? undefined;
    }
  };

  if (sent !== null) {
    return (
      <PublicPage title="Check your email">
        <p data-testid="reset-requested">{sent}</p>
        <p>
          No email after a few minutes? Check your spam folder, or{' '}
          <Link to={FORGOT_PASSWORD_PATH} onClick={() => setSent(null)}>
            ask again
          </Link>
          .
        </p>
        <Link to={SIGN_IN_PATH}>Back to sign in</Link>
      </PublicPage>
    );
  }

  return (
    <PublicPage title="Forgot your password?">
      <p>Enter the email address you sign in with. We will email you a link to choose a new one.</p>
      <Form onSubmit={submit} noValidate>
        <TextInput
          source="email"
          label="Email"
          type="email"
          autoComplete="username"
          validate={emailProblem}
          fullWidth
        />
        <Button type="submit" variant="contained" label="Email me a link" fullWidth />
      </Form>
      <p>
        <Link to={SIGN_IN_PATH}>Back to sign in</Link>
      </p>
    </PublicPage>
  );
}

interface ResetValues {
  password?: string;
  confirmation?: string;
}

/** Where the reset email leads: a new password, and every session of the account ends. */
export function ResetPasswordPage() {
  const dataProvider = useDataProvider<AccountDataProvider>();
  const notify = useNotify();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [outcome, setOutcome] = useState<'form' | 'done' | { spent: string }>('form');

  const submit = async (values: ResetValues) => {
    try {
      await dataProvider.confirmPasswordReset({ token, password: values.password ?? '' });
      setOutcome('done');

      return undefined;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields?.password !== undefined) {
        return { password: fields.password };
      }
      const message = messageOf(error, 'Your password could not be changed. Please try again.');
      const code =
        error instanceof HttpError ? (error.body as ErrorBody | undefined)?.code : undefined;
      if (
        fields?.token !== undefined ||
        code === 'reset_token_used' ||
        code === 'reset_token_expired'
      ) {
        setOutcome({ spent: message });
      } else {
        notify(message, { type: 'error' });
      }

      return undefined;
    }
  };

  if (token === '' || typeof outcome === 'object') {
    return (
      <PublicPage title="This link cannot be used">
        <p data-testid="reset-link-spent">
          {typeof outcome === 'object'
            ? outcome.spent
            : 'The link is not complete. Open it again from the email, or ask for a new one.'}
        </p>
        <Link to={FORGOT_PASSWORD_PATH}>Ask for a new link</Link>
      </PublicPage>
    );
  }

  if (outcome === 'done') {
    return (
      <PublicPage title="Your password is changed">
        <p data-testid="reset-done">
          Every device that was signed in to your account has been signed out. Sign in with your new
          password.
        </p>
        <Link to={SIGN_IN_PATH}>Sign in</Link>
      </PublicPage>
    );
  }

  return (
    <PublicPage title="Choose a new password">
      <p>
        Use at least 12 characters. A few unrelated words make a password that is easy to remember.
      </p>
      <Form onSubmit={submit} noValidate>
        <PasswordInput
          source="password"
          label="New password"
          autoComplete="new-password"
          validate={(value: string | undefined) => newPasswordProblem(value)}
          fullWidth
        />
        <PasswordInput
          source="confirmation"
          label="New password again"
          autoComplete="new-password"
          validate={(value: string | undefined, all: ResetValues) =>
            confirmationProblem(all.password, value)
          }
          fullWidth
        />
        <Button type="submit" variant="contained" label="Set new password" fullWidth />
      </Form>
    </PublicPage>
  );
}
