import { PASSWORD_MIN_LENGTH, type StaffInvitationPreview } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import {
  Button,
  Form,
  Link,
  PasswordInput,
  required,
  useDataProvider,
  useNotify,
} from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { fieldErrorsOf, messageOf } from '../staff/form-errors';
import type { StaffDataProvider } from '../staff/staff-methods';
import { invitationStage, roleWithArticle } from './invitation-stage';
import { PublicPage, SIGN_IN_PATH } from './public-page';

export const ACCEPT_INVITATION_PATH = '/accept-invitation';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'missing'; message: string }
  | { kind: 'preview'; preview: StaffInvitationPreview };

function SignInLink() {
  return (
    <p>
      <Link to={SIGN_IN_PATH}>Sign in</Link>
    </p>
  );
}

/** Where an invitation's link lands: the person joins the clinic, or asks for a fresh link. */
export function AcceptInvitationPage() {
  const dataProvider = useDataProvider<StaffDataProvider>();
  const notify = useNotify();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [joined, setJoined] = useState(false);
  const [freshMessage, setFreshMessage] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load =
      token === ''
        ? Promise.reject(new Error('This address is missing its link. Open the email again.'))
        : dataProvider.previewInvitation(token);
    void load.then(
      (preview) => current && setLoaded({ kind: 'preview', preview }),
      (error: unknown) =>
        current &&
        setLoaded({ kind: 'missing', message: messageOf(error, 'This link does not work.') }),
    );

    return () => {
      current = false;
    };
  }, [dataProvider, token]);

  if (loaded.kind === 'loading') {
    return (
      <PublicPage title="Your invitation">
        <p>One moment…</p>
      </PublicPage>
    );
  }
  if (loaded.kind === 'missing') {
    return (
      <PublicPage title="This link did not work">
        <p data-testid="invitation-missing">{loaded.message}</p>
        <SignInLink />
      </PublicPage>
    );
  }

  const { preview } = loaded;
  const stage = invitationStage(preview);
  const title = `Join ${preview.clinicName}`;

  if (joined) {
    return (
      <PublicPage title={`Welcome to ${preview.clinicName}`}>
        <p data-testid="invitation-joined">
          You are now on the staff of {preview.clinicName}. Sign in with {preview.email} to start.
        </p>
        <SignInLink />
      </PublicPage>
    );
  }

  if (stage === 'accepted') {
    return (
      <PublicPage title={title}>
        <p data-testid="invitation-accepted">This invitation has already been accepted.</p>
        <SignInLink />
      </PublicPage>
    );
  }
  if (stage === 'revoked') {
    return (
      <PublicPage title={title}>
        <p data-testid="invitation-revoked">
          {preview.clinicName} withdrew this invitation. If that is a surprise, please contact them.
        </p>
      </PublicPage>
    );
  }
  if (stage === 'expired') {
    const askForFresh = async () => {
      try {
        setFreshMessage((await dataProvider.freshInvitation(token)).message);
      } catch (error) {
        notify(messageOf(error, 'We could not ask for a fresh link. Please try again.'), {
          type: 'error',
        });
      }
    };

    return (
      <PublicPage title={title}>
        <p data-testid="invitation-expired">
          This invitation has expired. We can email a fresh link to {preview.email}.
        </p>
        {freshMessage === null ? (
          <Button
            variant="contained"
            label="Send me a fresh link"
            onClick={() => void askForFresh()}
          />
        ) : (
          <p data-testid="invitation-fresh-sent">{freshMessage}</p>
        )}
      </PublicPage>
    );
  }

  const submit = async (values: { password?: string }) => {
    try {
      await dataProvider.acceptInvitation({ token, password: values.password ?? '' });
      setJoined(true);

      return undefined;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) {
        notify(messageOf(error, 'We could not accept the invitation. Please try again.'), {
          type: 'error',
        });
      }

      return fields ?? undefined;
    }
  };
  const newAccount = stage === 'choose_password';

  return (
    <PublicPage title={title}>
      <p>
        Hello {preview.displayName}. {preview.clinicName} invited you to join as{' '}
        {roleWithArticle(preview.role)}, with the email <strong>{preview.email}</strong>.
      </p>
      <p>
        {newAccount
          ? 'Choose a password for your new account.'
          : 'You already have an account with this email. Enter its current password to join.'}
      </p>
      <Form onSubmit={submit} noValidate>
        <PasswordInput
          source="password"
          label={newAccount ? 'Choose a password' : 'Your current password'}
          autoComplete={newAccount ? 'new-password' : 'current-password'}
          helperText={
            newAccount
              ? `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`
              : undefined
          }
          validate={required('Enter a password')}
          fullWidth
        />
        <Button type="submit" variant="contained" label="Join the clinic" fullWidth />
      </Form>
    </PublicPage>
  );
}
