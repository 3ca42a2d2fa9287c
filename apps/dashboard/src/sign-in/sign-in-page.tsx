import { useState } from 'react';
import {
  Button,
  Form,
  Link,
  Login,
  PasswordInput,
  TextInput,
  required,
  useLogin,
  useNotify,
} from 'react-admin';
import {
  awaitingCode,
  codeProblem,
  recoveryCodeProblem,
  secondFactor,
  toggleRecoveryCode,
  type SignInStage,
} from '../account/account-forms';
import { FORGOT_PASSWORD_PATH } from '../account/account-paths';
import { SIGN_UP_PATH } from '../onboarding/sign-up-page';
import { MfaCodeRequired, type SignInParams } from '../auth/auth-provider';

function SignInForm() {
  const login = useLogin();
  const notify = useNotify();
  const [stage, setStage] = useState<SignInStage>({ stage: 'password' });

  const attempt = async (params: SignInParams) => {
    try {
      await login(params);
    } catch (error) {
      if (error instanceof MfaCodeRequired) {
        setStage(awaitingCode(error.mfaToken));

        return;
      }
      notify(error instanceof Error ? error.message : 'Sign-in failed. Please try again.', {
        type: 'error',
      });
    }
  };

  if (stage.stage === 'code') {
    return (
      <Form
        key={stage.useRecoveryCode ? 'recovery' : 'code'}
        onSubmit={(values: Record<string, unknown>) =>
          attempt(secondFactor(stage, typeof values.code === 'string' ? values.code : ''))
        }
        noValidate
      >
        <div style={{ padding: '0 1em 1em' }}>
          <p>
            {stage.useRecoveryCode
              ? 'Enter one of the recovery codes you saved when you set up two-step sign-in.'
              : 'Enter the 6-digit code your authenticator app shows for IV Ketamine Support.'}
          </p>
          <TextInput
            source="code"
            label={stage.useRecoveryCode ? 'Recovery code' : '6-digit code'}
            autoComplete="one-time-code"
            autoFocus
            validate={(value: string | undefined) =>
              stage.useRecoveryCode ? recoveryCodeProblem(value) : codeProblem(value)
            }
            fullWidth
          />
          <Button type="submit" variant="contained" label="Continue" fullWidth />
          <p>
            <button
              type="button"
              onClick={() => setStage(toggleRecoveryCode(stage))}
              style={{ all: 'unset', cursor: 'pointer', textDecoration: 'underline' }}
            >
              {stage.useRecoveryCode
                ? 'Use a code from the app instead'
                : 'Lost your phone? Use a recovery code'}
            </button>
          </p>
        </div>
      </Form>
    );
  }

  return (
    <Form
      onSubmit={(values: Record<string, unknown>) =>
        attempt({
          email: typeof values.email === 'string' ? values.email : '',
          password: typeof values.password === 'string' ? values.password : '',
        })
      }
      noValidate
    >
      <div style={{ padding: '0 1em 1em' }}>
        <TextInput
          source="email"
          label="Email"
          type="email"
          autoComplete="username"
          validate={required('Enter your email address')}
          fullWidth
        />
        <PasswordInput
          source="password"
          label="Password"
          autoComplete="current-password"
          validate={required('Enter your password')}
          fullWidth
        />
        <Button type="submit" variant="contained" label="Sign in" fullWidth />
        <p>
          <Link to={FORGOT_PASSWORD_PATH}>Forgot your password?</Link>
        </p>
        <p>
          New to the portal? <Link to={SIGN_UP_PATH}>Sign your clinic up</Link>
        </p>
      </div>
    </Form>
  );
}

export function SignInPage() {
  return (
    <Login>
      <SignInForm />
    </Login>
  );
}
