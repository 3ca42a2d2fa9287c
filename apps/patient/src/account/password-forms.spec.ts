import { ApiRequestError } from '../api/api-client';
import {
  emailProblem,
  errorsFromApi,
  toSummary,
  validateChangePassword,
  validateNewPassword,
} from './password-forms';

describe('password forms', () => {
  it('asks for an email address in the right shape', () => {
    expect(emailProblem('')).toBe('Enter your email address');
    expect(emailProblem('maya')).toContain('correct format');
    expect(emailProblem(' maya@example.com ')).toBeUndefined();
  });

  it('asks for a long enough new password, counted in characters, typed twice alike', () => {
    expect(validateNewPassword({ password: '', confirmation: '' })).toEqual({
      password: 'Enter a new password',
    });
    expect(validateNewPassword({ password: 'short', confirmation: 'short' }).password).toContain(
      'at least 12',
    );
    expect(validateNewPassword({ password: 'ÄÖÜäöüßéèêëx', confirmation: 'ÄÖÜäöüßéèêëx' })).toEqual(
      {},
    );
    expect(
      validateNewPassword({ password: 'a long passphrase', confirmation: 'a long passphrasE' })
        .confirmation,
    ).toContain('do not match');
  });

  it('asks for the current password when changing it', () => {
    expect(
      validateChangePassword({
        currentPassword: '',
        password: 'a long passphrase',
        confirmation: 'a long passphrase',
      }),
    ).toEqual({ currentPassword: 'Enter your current password' });
  });

  it('puts the API’s words beside the field they are about', () => {
    const error = new ApiRequestError({
      statusCode: 400,
      code: 'validation_failed',
      message: 'Please correct the request.',
      fields: { newPassword: ['newPassword must be at least 12 characters'] },
    });

    expect(
      errorsFromApi(error, ['currentPassword', 'password'] as const, { newPassword: 'password' }),
    ).toEqual({ password: 'newPassword must be at least 12 characters' });
  });

  it('falls back to the whole form when no field is named', () => {
    const error = new ApiRequestError({
      statusCode: 429,
      code: 'rate_limited',
      message: 'Too many attempts. Please try again in 5 minutes.',
    });

    expect(errorsFromApi(error, ['email'] as const)).toEqual({
      form: 'Too many attempts. Please try again in 5 minutes.',
    });
  });

  it('lists the form’s problem first, then the fields in order', () => {
    expect(
      toSummary({ form: 'Oops', confirmation: 'B', password: 'A' }, ['password', 'confirmation']),
    ).toEqual([
      { message: 'Oops' },
      { fieldId: 'password', message: 'A' },
      { fieldId: 'confirmation', message: 'B' },
    ]);
  });
});
