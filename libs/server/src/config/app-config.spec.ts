import { ConfigError, loadConfig } from './app-config';

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
});
