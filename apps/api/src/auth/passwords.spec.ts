import { hashPassword, needsRehash, PASSWORD_HASH_PARAMETERS, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('hashes with argon2id at today’s settings, which need no rehash', async () => {
    const stored = await hashPassword('a long enough passphrase');

    expect(stored).toMatch(
      new RegExp(`^\\$argon2id\\$v=19\\$m=${PASSWORD_HASH_PARAMETERS.memoryCost},t=2,p=1\\$`),
    );
    expect(needsRehash(stored)).toBe(false);
    expect(await verifyPassword(stored, 'a long enough passphrase')).toBe(true);
  });

  it.each([
    ['less memory', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g'],
    ['fewer passes', '$argon2id$v=19$m=65536,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g'],
    ['another variant', '$argon2i$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g'],
    ['an old version', '$argon2id$v=16$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g'],
    ['another scheme', '$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234'],
  ])('asks for a rehash of a hash with %s', (_case, stored) => {
    expect(needsRehash(stored)).toBe(true);
  });

  it('keeps a hash made with stronger settings', () => {
    expect(needsRehash('$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(false);
  });
});
