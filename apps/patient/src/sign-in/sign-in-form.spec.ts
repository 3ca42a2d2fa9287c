import { ApiRequestError } from '../api/api-client';
import { errorsFromApi, toSummary, validateSignIn } from './sign-in-form';

const filled = { email: 'maya@harbourside.example', password: 'secret', clinicId: '' };

describe('validateSignIn', () => {
  it('accepts a filled-in form', () => {
    expect(validateSignIn(filled, false)).toEqual({});
  });

  it('asks for each missing answer', () => {
    expect(validateSignIn({ email: ' ', password: '', clinicId: '' }, true)).toEqual({
      email: 'Enter your email address',
      password: 'Enter your password',
      clinicId: 'Choose the clinic you want to sign in to',
    });
  });

  it('shows what a valid email address looks like', () => {
    expect(validateSignIn({ ...filled, email: 'maya.harbourside' }, false).email).toBe(
      'Enter an email address in the correct format, like name@example.com',
    );
  });
});

describe('errorsFromApi', () => {
  it('does not say which of email or password was wrong', () => {
    const error = new ApiRequestError({
      statusCode: 401,
      code: 'invalid_credentials',
      message: 'The email or password is not right.',
    });

    expect(errorsFromApi(error)).toEqual({
      email: 'Your email address or password is not right. Check them and try again.',
    });
  });

  it('puts field problems beside their fields and keeps other problems for the summary', () => {
    const fields = new ApiRequestError({
      statusCode: 400,
      code: 'validation_failed',
      message: 'Check the form.',
      fields: { email: ['must be an email'] },
    });
    const other = new ApiRequestError({
      statusCode: 503,
      code: 'service_unavailable',
      message: 'Try again soon.',
    });

    expect(errorsFromApi(fields)).toEqual({ email: 'must be an email' });
    expect(errorsFromApi(other)).toEqual({ form: 'Try again soon.' });
  });
});

describe('toSummary', () => {
  it('lists problems in the order of the form, each pointing at its field', () => {
    expect(
      toSummary({ password: 'Enter your password', email: 'Enter your email address' }),
    ).toEqual([
      { fieldId: 'email', message: 'Enter your email address' },
      { fieldId: 'password', message: 'Enter your password' },
    ]);
  });
});
