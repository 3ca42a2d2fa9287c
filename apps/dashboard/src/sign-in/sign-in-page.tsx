import {
  Button,
  Form,
  Login,
  PasswordInput,
  TextInput,
  required,
  useLogin,
  useNotify,
} from 'react-admin';
import type { SignInParams } from '../auth/auth-provider';

function SignInForm() {
  const login = useLogin();
  const notify = useNotify();

  const submit = async (values: Record<string, unknown>) => {
    try {
      const credentials: SignInParams = {
        email: typeof values.email === 'string' ? values.email : '',
        password: typeof values.password === 'string' ? values.password : '',
      };
      await login(credentials);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Sign-in failed. Please try again.', {
        type: 'error',
      });
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
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
