import { randomBytes } from 'node:crypto';
import { DecryptionError } from './aes-gcm';
import { LocalKeyWrapper, UnknownMasterKeyError } from './key-wrapper';
import { parseMasterKeys } from './master-keys';

const older = { id: 'k2025', key: randomBytes(32) };
const current = { id: 'k2026', key: randomBytes(32) };
const context = { clinicId: '0c5e8a52-4a57-4c1e-9d6e-7d1b2f0a0001', version: 1 };

describe('LocalKeyWrapper', () => {
  it('wraps with the first key and unwraps with any configured one', async () => {
    const dataKey = randomBytes(32);
    const wrappedByOlder = await new LocalKeyWrapper([older]).wrap(dataKey, context);
    const wrapper = new LocalKeyWrapper([current, older]);

    expect(wrappedByOlder.masterKeyId).toBe('k2025');
    expect((await wrapper.unwrap(wrappedByOlder, context)).equals(dataKey)).toBe(true);
    expect((await wrapper.wrap(dataKey, context)).masterKeyId).toBe('k2026');
  });

  it('binds the wrap to its clinic and version', async () => {
    const wrapper = new LocalKeyWrapper([current]);
    const wrapped = await wrapper.wrap(randomBytes(32), context);

    await expect(
      wrapper.unwrap(wrapped, { ...context, clinicId: '0c5e8a52-4a57-4c1e-9d6e-7d1b2f0a0002' }),
    ).rejects.toThrow(DecryptionError);
    await expect(wrapper.unwrap(wrapped, { ...context, version: 2 })).rejects.toThrow(
      DecryptionError,
    );
  });

  it('names a master key that is not configured', async () => {
    const wrapped = await new LocalKeyWrapper([older]).wrap(randomBytes(32), context);

    await expect(new LocalKeyWrapper([current]).unwrap(wrapped, context)).rejects.toThrow(
      UnknownMasterKeyError,
    );
  });
});

describe('parseMasterKeys', () => {
  const encoded = (key: Buffer) => key.toString('base64');

  it('reads id:base64 pairs, the current one first', () => {
    const keys = parseMasterKeys(`k2026:${encoded(current.key)}, k2025:${encoded(older.key)}`);

    expect(Array.isArray(keys) && keys.map((key) => key.id)).toEqual(['k2026', 'k2025']);
  });

  it('names the problem without quoting the key', () => {
    const short = encoded(randomBytes(16));

    expect(parseMasterKeys(`k1:${short}`)).toMatch(/key k1 must be 32 bytes/);
    expect(parseMasterKeys(`k1:${short}`)).not.toContain(short);
    expect(parseMasterKeys(encoded(current.key))).toMatch(/entry 1 must start with a key id/);
    expect(parseMasterKeys(`k1:${encoded(current.key)},k1:${encoded(older.key)}`)).toMatch(
      /k1 appears twice/,
    );
  });
});
