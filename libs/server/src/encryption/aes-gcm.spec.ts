import { randomBytes } from 'node:crypto';
import { DecryptionError, open, seal } from './aes-gcm';

describe('seal and open', () => {
  const key = randomBytes(32);
  const text = Buffer.from('What came up today', 'utf8');

  it('opens what it sealed, in the same context', () => {
    const sealed = seal(key, text, 'clinic-a|entry-1');

    expect(open(key, sealed, 'clinic-a|entry-1').toString('utf8')).toBe('What came up today');
    expect(sealed.includes(text)).toBe(false);
  });

  it('uses a fresh nonce each time', () => {
    expect(seal(key, text, 'c').equals(seal(key, text, 'c'))).toBe(false);
  });

  it('refuses another context, another key and an altered value', () => {
    const sealed = seal(key, text, 'clinic-a|entry-1');
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;

    expect(() => open(key, sealed, 'clinic-b|entry-1')).toThrow(DecryptionError);
    expect(() => open(key, sealed, 'clinic-a|entry-2')).toThrow(DecryptionError);
    expect(() => open(randomBytes(32), sealed, 'clinic-a|entry-1')).toThrow(DecryptionError);
    expect(() => open(key, altered, 'clinic-a|entry-1')).toThrow(DecryptionError);
    expect(() => open(key, sealed.subarray(0, 10), 'clinic-a|entry-1')).toThrow(DecryptionError);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => seal(randomBytes(16), text, 'c')).toThrow(RangeError);
  });
});
