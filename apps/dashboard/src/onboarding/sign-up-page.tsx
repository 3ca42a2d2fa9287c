import { PASSWORD_MIN_LENGTH } from '@ivks/contracts';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  Link,
  PasswordInput,
  TextInput,
  useDataProvider,
  useNotify,
} from 'react-admin';
import { fieldErrorsOf, messageOf } from '../staff/form-errors';
import type { StaffDataProvider } from '../staff/staff-methods';
import { PublicPage, SIGN_IN_PATH } from './public-page';
import {
  browserTimeZone,
  signUpProblems,
  signUpRequest,
  type SignUpValues,
  timeZoneChoices,
} from './sign-up-form';

export const SIGN_UP_PATH = '/sign-up';

const ZONES = timeZoneChoices();

/** A clinic signs up; nothing exists until the owner follows the link we email them. */
export function SignUpPage() {
  const dataProvider = useDataProvider<StaffDataProvider>();
  const notify = useNotify();
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (values: SignUpValues) => {
    const request = signUpRequest(values);
    try {
      await dataProvider.signUpClinic(request);
      setSentTo(request.email);

      return undefined;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) {
        notify(messageOf(error, 'We could not send your sign-up. Please try again.'), {
          type: 'error',
        });
      }

      return fields ?? undefined;
    }
  };

  if (sentTo !== null) {
    return (
      <PublicPage title="Check your email">
        <p data-testid="sign-up-sent">
          Thank you. We sent a link to <strong>{sentTo}</strong>. Open it within 24 hours to finish
          setting up your clinic.
        </p>
        <p>
          Nothing arrived after a few minutes? Look in your spam folder, or sign up again and we
          will send a new link.
        </p>
      </PublicPage>
    );
  }

  return (
    <PublicPage title="Sign your clinic up">
      <p>
        Tell us about your clinic and yourself. We will email you a link to confirm your address
        before anything is created.
      </p>
      <Form
        onSubmit={submit}
        validate={signUpProblems}
        defaultValues={{ timeZone: browserTimeZone() }}
        noValidate
      >
        <TextInput source="clinicName" label="Clinic name" fullWidth />
        <AutocompleteInput
          source="timeZone"
          label="Time zone"
          choices={ZONES}
          fullWidth
          helperText="Reminders and schedules follow this clock."
        />
        <TextInput source="phone" label="Clinic phone" type="tel" fullWidth />
        <TextInput source="ownerName" label="Your name" fullWidth />
        <TextInput
          source="email"
          label="Your email"
          type="email"
          autoComplete="username"
          fullWidth
        />
        <PasswordInput
          source="password"
          label="Choose a password"
          autoComplete="new-password"
          helperText={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`}
          fullWidth
        />
        <PasswordInput
          source="passwordAgain"
          label="The same password again"
          autoComplete="new-password"
          fullWidth
        />
        <Button type="submit" variant="contained" label="Sign up" fullWidth />
      </Form>
      <p>
        Already have an account? <Link to={SIGN_IN_PATH}>Sign in</Link>
      </p>
    </PublicPage>
  );
}
