import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../../apps/api/src/app.factory';
import { PASSWORD } from './fixtures';

export async function startApi(): Promise<NestFastifyApplication> {
  const app = await createApp();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  return app;
}

export async function signIn(
  app: NestFastifyApplication,
  email: string,
  password = PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${email} answered ${response.statusCode}: ${response.body}`);
  }

  return response.json<{ accessToken: string }>().accessToken;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
