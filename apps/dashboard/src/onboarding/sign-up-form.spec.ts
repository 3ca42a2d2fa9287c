import { browserTimeZone, signUpProblems, signUpRequest, timeZoneChoices } from './sign-up-form';

const good = {
  clinicName: ' Harbourside Clinic ',
  timeZone: 'America/New_York',
  phone: '+1 617 555 0100',
  ownerName: 'Ada Owner',
  email: ' Ada@Harbourside.Example ',
  password: 'lantern orchard pebble',
  passwordAgain: 'lantern orchard pebble',
};

describe('the sign-up form', () => {
  it('has nothing to correct in a complete form', () => {
    expect(signUpProblems(good)).toEqual({});
  });

  it('names each field to correct', () => {
    expect(
      Object.keys(
        signUpProblems({
          clinicName: '  ',
          phone: 'call me',
          email: 'ada',
          password: 'short',
          passwordAgain: 'other',
        }),
      ).sort(),
    ).toEqual([
      'clinicName',
      'email',
      'ownerName',
      'password',
      'passwordAgain',
      'phone',
      'timeZone',
    ]);
  });

  it('counts a password’s length in characters, not bytes', () => {
    const password = 'ééééééééééé';

    expect(signUpProblems({ ...good, password, passwordAgain: password }).password).toMatch(
      /at least 12 characters/,
    );
    expect(
      signUpProblems({ ...good, password: `${password}é`, passwordAgain: `${password}é` }).password,
    ).toBeUndefined();
  });

  it('sends trimmed values, the email in lower case, and not the repeated password', () => {
    expect(signUpRequest(good)).toEqual({
      clinicName: 'Harbourside Clinic',
      timeZone: 'America/New_York',
      phone: '+1 617 555 0100',
      ownerName: 'Ada Owner',
      email: 'ada@harbourside.example',
      password: 'lantern orchard pebble',
    });
  });
});

describe('timeZoneChoices', () => {
  it('offers UTC and the browser’s own zone, each once', () => {
    const ids = timeZoneChoices().map((choice) => choice.id);

    expect(ids.filter((id) => id === 'UTC')).toEqual(['UTC']);
    expect(ids).toContain(browserTimeZone());
  });
});
