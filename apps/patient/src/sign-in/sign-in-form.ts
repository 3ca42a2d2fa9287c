import type { ApiRequestError } from '../api/api-client';
import type { FormError } from '../forms/error-summary';

export interface SignInValues {
  email: string;
  password: string;
  clinicId: string;
}

export type SignInField = keyof SignInValues;
export type SignInErrors = Partial<Record<SignInField | 'form', string>>;

export const FIELD_IDS: Record<SignInField, string> = {
  email: 'email',
  password: 'password',
  clinicId: 'clinic-0',
};

// A simple shape check: the API has the last word, this only catches typing slips before a round trip.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignIn(values: SignInValues, mustChooseClinic: boolean): SignInErrors {
  const errors: SignInErrors = {};
  const email = values.email.trim();

  if (email === '') {
    errors.email = 'Enter your email address';
  } else if (!EMAIL_SHAPE.test(email)) {
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  }
  if (values.password === '') {
    errors.password = 'Enter your password';
  }
  if (mustChooseClinic && values.clinicId === '') {
    errors.clinicId = 'Choose the clinic you want to sign in to';
  }

  return errors;
}

function isSignInField(name: string): name is SignInField {
  return name in FIELD_IDS;
}

/** Puts what the API said next to the fields it was about. */
export function errorsFromApi(error: ApiRequestError): SignInErrors {
  if (error.code === 'invalid_credentials') {
    return { email: 'Your email address or password is not right. Check them and try again.' };
  }

  const errors: SignInErrors = {};
  for (const [field, messages] of Object.entries(error.fields)) {
    if (isSignInField(field) && messages.length > 0) {
      errors[field] = messages.join('. ');
    }
  }

  return Object.keys(errors).length > 0 ? errors : { form: error.message };
}

export function toSummary(errors: SignInErrors): FormError[] {
  const order: SignInField[] = ['email', 'password', 'clinicId'];
  const summary: FormError[] = order.flatMap((field) => {
    const message = errors[field];

    return message === undefined ? [] : [{ fieldId: FIELD_IDS[field], message }];
  });

  return errors.form === undefined ? summary : [{ message: errors.form }, ...summary];
}
