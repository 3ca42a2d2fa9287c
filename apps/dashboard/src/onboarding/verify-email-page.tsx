import type { VerifiedClinicSignup } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { Link, useDataProvider } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { messageOf } from '../staff/form-errors';
import type { StaffDataProvider } from '../staff/staff-methods';
import { PublicPage, SIGN_IN_PATH } from './public-page';
import { SIGN_UP_PATH } from './sign-up-page';

export const VERIFY_EMAIL_PATH = '/verify-email';

// A link works once, so a second render (React's strict mode runs effects twice) must not send
// it again and then report it as used.
const verifications = new Map<string, Promise<VerifiedClinicSignup>>();

type Outcome = { kind: 'working' } | { kind: 'done' } | { kind: 'failed'; message: string };

/** Where the verification email's link lands: it creates the clinic, then offers sign-in. */
export function VerifyEmailPage() {
  const dataProvider = useDataProvider<StaffDataProvider>();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'working' });

  useEffect(() => {
    if (token === '') {
      setOutcome({
        kind: 'failed',
        message: 'This address is missing its link. Open the link from the email again.',
      });

      return;
    }
    let current = true;
    let verification = verifications.get(token);
    if (!verification) {
      verification = dataProvider.verifyEmail(token);
      verifications.set(token, verification);
    }
    void verification.then(
      () => current && setOutcome({ kind: 'done' }),
      (error: unknown) =>
        current &&
        setOutcome({
          kind: 'failed',
          message: messageOf(error, 'We could not confirm your email. Please try again.'),
        }),
    );

    return () => {
      current = false;
    };
  }, [dataProvider, token]);

  if (outcome.kind === 'working') {
    return (
      <PublicPage title="Confirming your email">
        <p>One moment while we set up your clinic…</p>
      </PublicPage>
    );
  }
  if (outcome.kind === 'done') {
    return (
      <PublicPage title="Your clinic is ready">
        <p data-testid="verify-email-done">
          Thank you for confirming your email. Sign in with the email and password you chose. New
          clinics ask every staff member to set up a second sign-in step, which takes a minute.
        </p>
        <p>
          <Link to={SIGN_IN_PATH}>Sign in</Link>
        </p>
      </PublicPage>
    );
  }

  return (
    <PublicPage title="This link did not work">
      <p data-testid="verify-email-failed">{outcome.message}</p>
      <p>
        <Link to={SIGN_UP_PATH}>Sign up again</Link> or <Link to={SIGN_IN_PATH}>sign in</Link>.
      </p>
    </PublicPage>
  );
}
