import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Global, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import { type AppConfig } from '../config/app-config';
import { loggableError, loggedPath, pathOnly, REDACTED_PATHS } from './redaction';

/** Who made a request, as far as its log line tells. */
export interface LoggedIdentity {
  clinicId: string;
  userId: string;
}

const identities = new WeakMap<IncomingMessage, LoggedIdentity>();

/** Puts the clinic and user on the request's log line once authentication has found them. */
export function recordLogIdentity(request: IncomingMessage, identity: LoggedIdentity): void {
  identities.set(request, identity);
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Keeps a well-formed `x-request-id` from the caller, so a trace can cross services. */
export function requestIdFor(request: { headers: IncomingHttpHeaders }): string {
  const offered = request.headers['x-request-id'];

  return typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
}

/**
 * One JSON line per request with its id, clinic and user, and nothing of its body.
 * The worker uses the same logger without the HTTP part.
 */
@Global()
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          customProps: (req: IncomingMessage) => identities.get(req) ?? {},
          serializers: {
            err: loggableError,
            req: (req: { id: string; method: string; url?: string }) => ({
              id: req.id,
              method: req.method,
              path: loggedPath(req.url),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          autoLogging: { ignore: (req: IncomingMessage) => pathOnly(req.url) === '/api/health' },
        },
      }),
    }),
  ],
})
export class LoggerModule {}
