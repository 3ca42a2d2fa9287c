import { z } from 'zod';
import { DEVELOPMENT_MASTER_KEY, parseMasterKeys } from '../encryption/master-keys';

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres://');

const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis://');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  API_HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl,
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  PATIENT_APP_URL: z.string().url().default('http://localhost:4200'),
  DASHBOARD_URL: z.string().url().default('http://localhost:4300'),
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('IV Ketamine Support <no-reply@ivks.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  MASTER_KEYS: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) {
        return undefined;
      }
      const keys = parseMasterKeys(value);
      if (typeof keys === 'string') {
        context.addIssue({ code: 'custom', message: `must be id:base64 pairs: ${keys}` });

        return z.NEVER;
      }

      return keys;
    }),
});

/** Outside production a published key stands in, so development and tests need no secret. */
const withMasterKeys = schema.transform((config, context) => {
  if (config.MASTER_KEYS) {
    return { ...config, MASTER_KEYS: config.MASTER_KEYS };
  }
  if (config.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['MASTER_KEYS'],
      message: 'is required in production: id:base64 of 32 random bytes, the current key first',
    });

    return z.NEVER;
  }

  return { ...config, MASTER_KEYS: [DEVELOPMENT_MASTER_KEY] };
});

export type AppConfig = z.infer<typeof withMasterKeys>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the configuration; each problem names the variable to fix. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const result = withMasterKeys.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const message =
          issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message;

        return `${name} ${message}`;
      }),
    );
  }

  return result.data;
}
