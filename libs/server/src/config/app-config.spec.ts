import { ConfigError, loadApiConfig, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://ivks_app@127.0.0.1:5432/ivks_test',
  REDIS_URL: 'redis://127.0.0.1:6379/1',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = loadConfig(valid);

    expect(config.API_PORT).toBe(3000);
    expect(config.WEB_ORIGINS).toEqual([]);
  });

  it('believes no forwarding header unless told which proxies to trust', () => {
    expect(loadConfig(valid).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: '10.0.0.0/8, 192.168.1.7' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
    ]);
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY must be a number of hops or proxy addresses/,
    );
    expect(() => loadConfig({ ...valid, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...valid, TRUST_PROXY: '0' })).toThrow(/1 to 10 proxy hops/);
  });

  it('names a missing variable', () => {
    const { DATABASE_URL: _omitted, ...rest } = valid;

    expect(() => loadConfig(rest)).toThrow(/DATABASE_URL is required/);
  });

  it('names every malformed variable at once', () => {
    try {
      loadConfig({ ...valid, API_PORT: 'eighty', JWT_SECRET: 'short', REDIS_URL: 'http://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/API_PORT/);
      expect(problems).toMatch(/JWT_SECRET must be at least 32 characters/);
      expect(problems).toMatch(/REDIS_URL must start with redis:\/\//);
    }
  });

  it('stands in the development master key outside production only', () => {
    expect(loadConfig(valid).MASTER_KEYS.map((key) => key.id)).toEqual([
      'development-only-not-secret',
    ]);
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' })).toThrow(
      /MASTER_KEYS is required in production/,
    );
  });

  it('reads MASTER_KEYS and refuses a malformed one', () => {
    const key = Buffer.alloc(32, 7).toString('base64');

    expect(loadConfig({ ...valid, MASTER_KEYS: `k1:${key}` }).MASTER_KEYS[0]?.id).toBe('k1');
    expect(() => loadConfig({ ...valid, MASTER_KEYS: 'k1:short' })).toThrow(
      /MASTER_KEYS must be id:base64 pairs: key k1 must be 32 bytes/,
    );
  });

  it('lets the worker start without JWT_SECRET, and the API not', () => {
    const { JWT_SECRET: _omitted, ...worker } = valid;

    expect(loadConfig(worker).JWT_SECRET).toBeUndefined();
    expect(loadApiConfig(valid).JWT_SECRET).toBe(valid.JWT_SECRET);
    expect(() => loadApiConfig(worker)).toThrow(/JWT_SECRET is required by the API/);
    try {
      loadApiConfig({ ...worker, REDIS_URL: 'http://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^REDIS_URL/),
        expect.stringMatching(/^JWT_SECRET/),
      ]);
    }
  });

  it('wants both OPS variables or neither, and a long password in production', () => {
    const production = { ...valid, NODE_ENV: 'production', MASTER_KEYS: `k1:${'A'.repeat(43)}=` };

    expect(loadConfig(valid).OPS_USERNAME).toBeUndefined();
    expect(() => loadConfig({ ...valid, OPS_USERNAME: 'ops' })).toThrow(
      /OPS_PASSWORD is required when OPS_USERNAME is set/,
    );
    expect(() => loadConfig({ ...valid, OPS_PASSWORD: 'secret' })).toThrow(
      /OPS_USERNAME is required when OPS_PASSWORD is set/,
    );
    expect(loadConfig({ ...valid, OPS_USERNAME: 'ops', OPS_PASSWORD: 'short' }).OPS_PASSWORD).toBe(
      'short',
    );
    expect(() => loadConfig({ ...production, OPS_USERNAME: 'ops', OPS_PASSWORD: 'short' })).toThrow(
      /OPS_PASSWORD must be at least 16 characters in production/,
    );
    expect(
      loadConfig({ ...production, OPS_USERNAME: 'ops', OPS_PASSWORD: 'p'.repeat(16) }).OPS_USERNAME,
    ).toBe('ops');
  });
});
