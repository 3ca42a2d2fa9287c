import {
  awaitingCode,
  codeProblem,
  confirmationProblem,
  newPasswordProblem,
  normaliseCode,
  recoveryCodeProblem,
  recoveryCodesText,
  secondFactor,
  toggleRecoveryCode,
} from './account-forms';

describe('account forms', () => {
  it.each([
    ['', 'Enter the 6-digit code'],
    ['12345', 'The code is 6 digits'],
    ['12a456', 'The code is 6 digits'],
    ['123 456', undefined],
    ['123456', undefined],
  ])('judges the code %p', (code, problem) => {
    const found = codeProblem(code);
    if (problem === undefined) {
      expect(found).toBeUndefined();
    } else {
      expect(found).toContain(problem);
    }
  });

  it('drops the space some apps show inside a code', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
  });

  it.each([
    ['', 'Enter one of your recovery codes'],
    ['abcd', 'looks like'],
    ['abcd-efgh-jkmn', undefined],
    ['ABCD EFGH JKMN', undefined],
  ])('judges the recovery code %p', (code, problem) => {
    const found = recoveryCodeProblem(code);
    if (problem === undefined) {
      expect(found).toBeUndefined();
    } else {
      expect(found).toContain(problem);
    }
  });

  it('asks for a long enough new password, counted in characters', () => {
    expect(newPasswordProblem('')).toBe('Enter a new password');
    expect(newPasswordProblem('short')).toContain('at least 12');
    expect(newPasswordProblem('ÄÖÜäöüßéèêëx')).toBeUndefined();
  });

  it('notices a mistyped confirmation', () => {
    expect(confirmationProblem('one long passphrase', 'one long passphrase')).toBeUndefined();
    expect(confirmationProblem('one long passphrase', 'one long passphrasE')).toContain('match');
  });

  it('sends the code, or after switching the recovery code, with the token', () => {
    const stage = awaitingCode('token');
    const switched = toggleRecoveryCode(stage);

    expect(stage.stage === 'code' && secondFactor(stage, '123 456')).toEqual({
      mfaToken: 'token',
      code: '123456',
    });
    expect(switched.stage === 'code' && secondFactor(switched, ' abcd-efgh-jkmn ')).toEqual({
      mfaToken: 'token',
      recoveryCode: 'abcd-efgh-jkmn',
    });
    expect(toggleRecoveryCode({ stage: 'password' })).toEqual({ stage: 'password' });
  });

  it('writes the recovery codes one a line', () => {
    expect(recoveryCodesText(['aaaa-bbbb-cccc', 'dddd-eeee-ffff'])).toContain(
      '\naaaa-bbbb-cccc\ndddd-eeee-ffff\n',
    );
  });
});
