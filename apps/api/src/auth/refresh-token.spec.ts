import { randomUUID } from 'node:crypto';
import { hashSecret, newSecret, secretMatches } from '../common/secret-token';
import { decodeRefreshToken, encodeRefreshToken } from './refresh-token';

describe('refresh tokens', () => {
  const token = {
    clinicId: randomUUID(),
    userId: randomUUID(),
    sessionId: randomUUID(),
    secret: newSecret(),
  };

  it('round-trips through its encoding', () => {
    expect(decodeRefreshToken(encodeRefreshToken(token))).toEqual(token);
  });

  it.each([undefined, '', 'a.b.c.d', `${token.clinicId}.${token.userId}.${token.sessionId}`])(
    'refuses the malformed value %p',
    (value) => {
      expect(decodeRefreshToken(value)).toBeNull();
    },
  );

  it('matches only its own secret', () => {
    const stored = hashSecret(token.secret);

    expect(secretMatches(token.secret, stored)).toBe(true);
    expect(secretMatches(newSecret(), stored)).toBe(false);
  });
});
