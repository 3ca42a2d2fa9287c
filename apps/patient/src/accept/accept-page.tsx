import {
  type AcceptedPatientInvitation,
  type FreshPatientInvitationAnswer,
  PASSWORD_MIN_LENGTH,
  type PatientInvitationView,
} from '@ivks/contracts';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiRequestError } from '../api/api-client';
import { useLinkToken } from '../api/link-token';
import { ErrorSummary, type FormError } from '../forms/error-summary';
import { TextField } from '../forms/text-field';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';

type Load =
  | { state: 'loading' }
  | { state: 'unknown'; message: string }
  | { state: 'ready'; view: PatientInvitationView };

type FreshState = { state: 'idle' } | { state: 'sending' } | { state: 'sent'; message: string };

const UNKNOWN_LINK =
  'We could not open this link. Check that you copied the whole link from your email, or ask your clinic to send a new one.';

/** Where the invitation email leads: the patient chooses a password and is signed in. */
export function AcceptPage() {
  const token = useLinkToken();
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  usePageTitle('Set up your account', false);

  useEffect(() => {
    let active = true;
    const open = async (): Promise<Load> => {
      if (token === '') {
        return { state: 'unknown', message: UNKNOWN_LINK };
      }
      try {
        const view = await api.requestWithoutSession<PatientInvitationView>(
          `/patient-invitations/${encodeURIComponent(token)}`,
        );

        return { state: 'ready', view };
      } catch (error) {
        // A link the server does not know, or cannot even read, is the same to the patient.
        const known =
          error instanceof ApiRequestError && error.status !== 404 && error.status !== 400;

        return {
          state: 'unknown',
          message: known && error instanceof Error ? error.message : UNKNOWN_LINK,
        };
      }
    };
    void open().then((result) => {
      if (active) {
        setLoad(result);
      }
    });

    return () => {
      active = false;
    };
  }, [api, token]);

  if (load.state === 'loading') {
    return <p role="status">Loading…</p>;
  }
  if (load.state === 'unknown') {
    return (
      <>
        <h1>Set up your account</h1>
        <div className="notification" role="alert">
          <p>{load.message}</p>
        </div>
      </>
    );
  }

  const { view } = load;
  switch (view.status) {
    case 'pending':
      return <ChoosePassword token={token} view={view} />;
    case 'accepted':
      return (
        <>
          <h1>Your account is ready</h1>
          <p className="lead">
            You have already set up your account with {view.clinicName}. Sign in with your email
            address and password.
          </p>
          <Link className="button" to="/sign-in">
            Sign in
          </Link>
        </>
      );
    case 'expired':
    case 'revoked':
      return <FreshLinkOffer token={token} view={view} />;
  }
}

function ChoosePassword({ token, view }: { token: string; view: PatientInvitationView }) {
  const { api, signIn } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const summary = useMemo<FormError[]>(
    () => [
      ...(error === undefined ? [] : [{ fieldId: 'password', message: error }]),
      ...(formError === undefined ? [] : [{ message: formError }]),
    ],
    [error, formError],
  );

  usePageTitle('Set up your account', summary.length > 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    setFormError(undefined);
    if ([...password].length < PASSWORD_MIN_LENGTH) {
      setError(`Enter a password of at least ${PASSWORD_MIN_LENGTH} characters`);

      return;
    }
    setError(undefined);
    setSubmitting(true);
    try {
      const accepted = await api.requestWithoutSession<AcceptedPatientInvitation>(
        '/patient-invitations/accept',
        { method: 'POST', body: { token, password } },
      );
      await signIn({ email: accepted.email, password, clinicId: accepted.clinicId });
      await navigate('/', { replace: true });
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.fields.password !== undefined) {
        setError(
          failure.code === 'current_password_wrong'
            ? 'This email address already has an account. Enter the password you use for it.'
            : failure.fields.password.join('. '),
        );
      } else {
        setFormError(
          failure instanceof Error ? failure.message : 'Something went wrong. Please try again.',
        );
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>Welcome, {view.givenName}</h1>
      <p className="lead">
        {view.clinicName} has invited you to set up your account. It takes a minute.
      </p>

      <form
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <TextField
          id="password"
          name="password"
          type="password"
          label="Choose a password"
          hint={`Use at least ${PASSWORD_MIN_LENGTH} characters. A few words that have nothing to do with each other make a strong password that is easy to remember. We will ask for another if yours is one that people use a lot. If you already have an account with this email address, enter its password instead.`}
          autoComplete="new-password"
          value={password}
          error={error}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button className="button" type="submit" disabled={submitting} aria-disabled={submitting}>
          {submitting ? 'Setting up…' : 'Set up my account'}
        </button>
      </form>
    </>
  );
}

function FreshLinkOffer({ token, view }: { token: string; view: PatientInvitationView }) {
  const { api } = useSession();
  const [fresh, setFresh] = useState<FreshState>({ state: 'idle' });
  const [failure, setFailure] = useState<string | undefined>();

  const send = async () => {
    setFailure(undefined);
    setFresh({ state: 'sending' });
    try {
      const answer = await api.requestWithoutSession<FreshPatientInvitationAnswer>(
        '/patient-invitations/fresh',
        { method: 'POST', body: { token } },
      );
      setFresh({ state: 'sent', message: answer.message });
    } catch (error) {
      setFresh({ state: 'idle' });
      setFailure(
        error instanceof Error ? error.message : 'Something went wrong. Please try again.',
      );
    }
  };

  return (
    <>
      <h1>This link has run its course</h1>
      <p className="lead">
        {view.status === 'expired'
          ? `Invitation links stop working after a while, to keep your account safe. Nothing is lost: ${view.clinicName} still has you on their list.`
          : `A newer invitation has been sent since this one, so this link no longer works. Nothing is lost: ${view.clinicName} still has you on their list.`}
      </p>
      {failure !== undefined && (
        <div className="notification" role="alert">
          <p>{failure}</p>
        </div>
      )}
      {fresh.state === 'sent' ? (
        <div className="notification" role="status">
          <p>{fresh.message}</p>
        </div>
      ) : (
        <button
          className="button"
          type="button"
          disabled={fresh.state === 'sending'}
          aria-disabled={fresh.state === 'sending'}
          onClick={() => {
            void send();
          }}
        >
          {fresh.state === 'sending' ? 'Sending…' : 'Send me a fresh link'}
        </button>
      )}
    </>
  );
}
