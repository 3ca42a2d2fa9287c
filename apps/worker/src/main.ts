import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@ivks/server';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** The job process: no HTTP, the same domain code and tenancy as the API. */
async function main(): Promise<void> {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('worker started');
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : String((error as Error).stack ?? error);
  process.stderr.write(`The worker could not start.\n${message}\n`);
  process.exit(1);
});
