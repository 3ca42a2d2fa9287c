import { isIP } from 'node:net';
import { z } from 'zod';
import { DEVELOPMENT_MASTER_KEY, parseMasterKeys } from '../encryption/master-keys';

function isAddressOrRange(value: string): boolean {
  const [address = '', bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) {
    return false;
  }

  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

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
  /** Signs access tokens; only the API needs it (see `loadApiConfig`). */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  PATIENT_APP_URL: z.string().url().default('http://127.0.0.1:4200'),
  DASHBOARD_URL: z.string().url().default('http://127.0.0.1:4300'),
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Patient portal <no-reply@portal.localhost>'),
  /** Platform operators' sign-in to the queue board at /ops/queues; unset, the board is off. */
  OPS_USERNAME: z.string().min(1, 'must not be empty').optional(),
  OPS_PASSWORD: z.string().min(1, 'must not be empty').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value, context) => {
      const trimmed = value.trim();
      if (trimmed === '') {
        return false as const;
      }
      if (/^\d+$/.test(trimmed)) {
        const hops = Number(trimmed);
        if (hops < 1 || hops > 10) {
          context.addIssue({ code: 'custom', message: 'must be 1 to 10 proxy hops' });

          return z.NEVER;
        }

        return hops;
      }
      const addresses = trimmed.split(',').map((address) => address.trim());
      const bad = addresses.find((address) => !isAddressOrRange(address));
      if (bad !== undefined) {
        context.addIssue({
          code: 'custom',
          message: `must be a number of hops or proxy addresses such as 10.0.0.0/8; "${bad}" is neither`,
        });

        return z.NEVER;
      }

      return addresses;
    }),
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

const OPS_PASSWORD_MIN_PRODUCTION = 16;

/**
 * Checks that span variables. The queue board's sign-in comes as a pair. Outside production a
 * published master key stands in, so development and tests need no secret.
 */
const withMasterKeys = schema.transform((config, context) => {
  for (const [name, other] of [
    ['OPS_PASSWORD', 'OPS_USERNAME'],
    ['OPS_USERNAME', 'OPS_PASSWORD'],
  ] as const) {
    if (config[other] !== undefined && config[name] === undefined) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: `is required when ${other} is set`,
      });
    }
  }
  if (
    config.NODE_ENV === 'production' &&
    config.OPS_PASSWORD !== undefined &&
    config.OPS_PASSWORD.length < OPS_PASSWORD_MIN_PRODUCTION
  ) {
    context.addIssue({
      code: 'custom',
      path: ['OPS_PASSWORD'],
      message: `must be at least ${OPS_PASSWORD_MIN_PRODUCTION} characters in production`,
    });
  }
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

/** The API signs sessions, so it needs what the worker does not. */
export type ApiConfig = AppConfig & { JWT_SECRET: string };

export const JWT_SECRET_REQUIRED =
  'JWT_SECRET is required by the API: at least 32 random characters that sign access tokens';

/** `loadConfig`, and the variables only the API needs; all problems are named at once. */
export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const problems: string[] = [];
  let config: AppConfig | undefined;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      throw error;
    }
    problems.push(...error.problems);
  }
  if (env.JWT_SECRET === undefined) {
    problems.push(JWT_SECRET_REQUIRED);
  }
  if (!config?.JWT_SECRET || problems.length > 0) {
    throw new ConfigError(problems);
  }

  return { ...config, JWT_SECRET: config.JWT_SECRET };
}
