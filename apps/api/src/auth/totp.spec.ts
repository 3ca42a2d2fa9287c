import { generate } from 'otplib';
import {
  acceptedTimeStep,
  hashRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  otpauthUri,
} from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2030, 0, 1, 12, 0, 10);
  const codeAt = (ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

  it('accepts the current code and names its time step', async () => {
    expect(await acceptedTimeStep(secret, await codeAt(now), null, now)).toBe(
      Math.floor(now / 30_000),
    );
  });

  it('accepts the previous step’s code, for a slow typist, but not one from minutes ago', async () => {
    expect(await acceptedTimeStep(secret, await codeAt(now - 30_000), null, now)).not.toBeNull();
    expect(await acceptedTimeStep(secret, await codeAt(now - 120_000), null, now)).toBeNull();
  });

  it('refuses a code of a step already used', async () => {
    const code = await codeAt(now);
    const step = await acceptedTimeStep(secret, code, null, now);

    expect(await acceptedTimeStep(secret, code, step, now)).toBeNull();
  });

  it('refuses anything that is not six digits without asking the library', async () => {
    expect(await acceptedTimeStep(secret, '12345a', null, now)).toBeNull();
    expect(await acceptedTimeStep(secret, '', null, now)).toBeNull();
  });

  it('builds an otpauth URI for the account', () => {
    const uri = otpauthUri(secret, 'nurse@clinic.example');

    expect(uri).toMatch(/^otpauth:\/\/totp\/IV%20Ketamine%20Support:nurse%40clinic\.example\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});

describe('recovery codes', () => {
  it('are three groups of four easily told apart characters, all different', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);

    for (const code of codes) {
      expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('match however they are typed back', () => {
    expect(hashRecoveryCode('ABCD EFGH JKMN')).toEqual(hashRecoveryCode('abcd-efgh-jkmn'));
    expect(hashRecoveryCode('abcd-efgh-jkmn')).not.toEqual(hashRecoveryCode('abcd-efgh-jkmp'));
  });
});
