import type { MfaStatus } from '@ivks/contracts';
import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Form,
  PasswordInput,
  TextInput,
  Title,
  required,
  useDataProvider,
  useLogout,
  useNotify,
} from 'react-admin';
import { fieldErrorsOf, messageOf } from '../staff/form-errors';
import type { AccountDataProvider } from './account-methods';
import {
  codeProblem,
  confirmationProblem,
  newPasswordProblem,
  normaliseCode,
} from './account-forms';
import { TotpSetup } from './totp-setup';

interface PasswordValues {
  currentPassword?: string;
  newPassword?: string;
  confirmation?: string;
}

/** The staff member's own sign-in: two-step sign-in, password, and every signed-in device. */
export function SecurityPage() {
  const dataProvider = useDataProvider<AccountDataProvider>();
  const notify = useNotify();
  const logout = useLogout();
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [settingUp, setSettingUp] = useState(false);

  const load = useCallback(() => {
    dataProvider
      .mfaStatus()
      .then(setStatus, (error: unknown) =>
        notify(messageOf(error, 'Your sign-in settings could not be loaded.'), { type: 'error' }),
      );
  }, [dataProvider, notify]);

  useEffect(load, [load]);

  const submitForm = async <T,>(work: () => Promise<T>, fallback: string) => {
    try {
      await work();

      return undefined;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) {
        notify(messageOf(error, fallback), { type: 'error' });
      }

      return fields ?? undefined;
    }
  };

  const disable = (values: { code?: string }) =>
    submitForm(async () => {
      await dataProvider.disableMfa(normaliseCode(values.code ?? ''));
      notify('Two-step sign-in is off. We emailed you a notice.', { type: 'info' });
      load();
    }, 'Two-step sign-in could not be turned off.');

  const changePassword = (values: PasswordValues) =>
    submitForm(async () => {
      await dataProvider.changePassword({
        currentPassword: values.currentPassword ?? '',
        newPassword: values.newPassword ?? '',
      });
      notify('Your password is changed, and your other devices are signed out.', {
        type: 'success',
      });
    }, 'Your password could not be changed.');

  const signOutEverywhere = async () => {
    try {
      await dataProvider.signOutEverywhere();
    } catch (error) {
      notify(messageOf(error, 'We could not sign you out everywhere. Please try again.'), {
        type: 'error',
      });

      return;
    }
    await logout();
  };

  return (
    <div style={{ padding: '1rem', maxWidth: 640 }}>
      <Title title="Sign-in and security" />
      <h2>Sign-in and security</h2>

      <section aria-labelledby="two-step-heading">
        <h3 id="two-step-heading">Two-step sign-in</h3>
        {status === null ? (
          <p>Loading…</p>
        ) : settingUp ? (
          <TotpSetup
            onDone={() => {
              setSettingUp(false);
              load();
            }}
          />
        ) : status.totpEnabled ? (
          <>
            <p data-testid="mfa-status">
              On: you sign in with a code from your authenticator app. You have{' '}
              {status.recoveryCodesLeft} unused recovery codes.
            </p>
            {status.requiredByClinic ? (
              <p>Your clinic requires two-step sign-in, so it cannot be turned off.</p>
            ) : (
              <Form onSubmit={disable} noValidate>
                <TextInput
                  source="code"
                  label="Code from your app, to turn it off"
                  autoComplete="one-time-code"
                  validate={(value: string | undefined) => codeProblem(value)}
                />
                <div>
                  <Button type="submit" label="Turn off two-step sign-in" />
                </div>
              </Form>
            )}
          </>
        ) : (
          <>
            <p data-testid="mfa-status">
              Off: a password alone signs you in.
              {status.requiredByClinic ? ' Your clinic requires two-step sign-in.' : ''}
            </p>
            <Button
              variant="contained"
              label="Set up an authenticator app"
              onClick={() => setSettingUp(true)}
            />
          </>
        )}
      </section>

      <section aria-labelledby="password-heading" style={{ marginTop: '2rem' }}>
        <h3 id="password-heading">Change your password</h3>
        <Form onSubmit={changePassword} noValidate>
          <PasswordInput
            source="currentPassword"
            label="Current password"
            autoComplete="current-password"
            validate={required('Enter your current password')}
            fullWidth
          />
          <PasswordInput
            source="newPassword"
            label="New password"
            autoComplete="new-password"
            validate={(value: string | undefined) => newPasswordProblem(value)}
            fullWidth
          />
          <PasswordInput
            source="confirmation"
            label="New password again"
            autoComplete="new-password"
            validate={(value: string | undefined, all: PasswordValues) =>
              confirmationProblem(all.newPassword, value)
            }
            fullWidth
          />
          <Button type="submit" variant="contained" label="Change password" />
        </Form>
      </section>

      <section aria-labelledby="everywhere-heading" style={{ marginTop: '2rem' }}>
        <h3 id="everywhere-heading">Signed-in devices</h3>
        <p>
          Lost a phone, or signed in on a shared computer? Sign out everywhere ends every session of
          your account at once, this one too.
        </p>
        <Button label="Sign out everywhere" onClick={() => void signOutEverywhere()} />
      </section>
    </div>
  );
}
