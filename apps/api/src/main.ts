import 'reflect-metadata';
import { APP_CONFIG, type AppConfig, ConfigError, loadApiConfig } from '@ivks/server';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  loadApiConfig();
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen({ port: config.API_PORT, host: config.API_HOST });
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : String((error as Error).stack ?? error);
  process.stderr.write(`The API could not start.\n${message}\n`);
  process.exit(1);
});
