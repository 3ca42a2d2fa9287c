import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, loadConfig, requestIdFor } from '@ivks/server';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { limitBodyDepth } from './common/body-depth';
import { ConnectionDrain } from './common/connection-drain';
import { answerFrameworkError } from './common/framework-errors';
import { refuseUnstorableText } from './common/unstorable-text';
import { createValidationPipe } from './common/validation';
import { mountQueueBoard } from './ops/queue-board';

const BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the API exactly as it runs, for the server and for the tests that drive it. */
export async function createApp(): Promise<NestFastifyApplication> {
  // Forwarding headers are believed only from the proxies configuration names: anyone else could
  // claim any address and so slip past the per-address rate limits.
  const { TRUST_PROXY } = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({
      bodyLimit: BODY_LIMIT_BYTES,
      trustProxy: TRUST_PROXY,
      genReqId: requestIdFor,
      frameworkErrors: answerFrameworkError,
    }),
    // Fastify's own parser takes JSON, and Nest's would add HTML forms: every body the API
    // takes is JSON, and a form is what another site could post in a signed-in browser's name.
    { bufferLogs: true, bodyParser: false },
  );
  const config = app.get<AppConfig>(APP_CONFIG);

  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  app.enableCors({
    origin: config.WEB_ORIGINS,
    credentials: true,
    exposedHeaders: ['x-total-count', 'x-request-id'],
  });
  const server = app.getHttpAdapter().getInstance();
  server.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  app.get(ConnectionDrain).attachTo(server);
  // Every body the API takes is JSON; text sent as text/plain would otherwise reach validation as
  // one string and be refused field by field.
  server.removeContentTypeParser('text/plain');
  limitBodyDepth(server);
  refuseUnstorableText(server);
  await app.register(fastifyCookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });

  await mountQueueBoard(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IV Ketamine Support API')
      .setDescription(
        'Clinic and patient API. Sign in at /api/v1/auth/sign-in, then send the access token as a bearer token.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('ivks_refresh')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  return app;
}
