import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['correct horse battery staple', null],
    ['a quiet morning by the lake', null],
    ['ÄÖÜäöüßéèêë', 'must be at least 12 characters'],
  ])('judges %p', (password, problem) => {
    const found = passwordProblem(password);
    if (problem === null) {
      expect(found).toBeNull();
    } else {
      expect(found).toContain(problem);
    }
  });

  it.each(['short', '12345678901', 'elevenchars'])('refuses %p as too short', (password) => {
    expect(passwordProblem(password)).toContain('at least 12 characters');
  });

  it.each(['123456789012', 'PASSWORD1234', 'qwerty123456', '1qaz2wsx3edc', 'aaaaaaaaaaaaaaaa'])(
    'refuses the commonly guessed %p',
    (password) => {
      expect(passwordProblem(password)).toContain('most often guessed');
    },
  );

  it('takes a long passphrase up to the limit and refuses one past it', () => {
    expect(passwordProblem('word '.repeat(204))).toBeNull();
    expect(passwordProblem('x'.repeat(1023) + 'y!')).toContain('at most 1024');
  });
});
