import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
} from '@nestjs/common';
import type { ApiError, ErrorCode } from '@ivks/contracts';
import type { FastifyReply } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { AppException } from './app.exception';
import { ERROR_STATUS } from './error-status';

/** Turns every failure into the one `ApiError` shape; unexpected ones get an id that is also logged. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toApiError(exception);
    void reply.status(body.statusCode).send(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof AppException) {
      return {
        statusCode: ERROR_STATUS[exception.code],
        code: exception.code,
        message: exception.message,
        ...(exception.fields && { fields: exception.fields }),
        ...(exception.details && { details: exception.details }),
      };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return fromHttpException(exception);
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unhandled error');

    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal_error',
      message: `Something went wrong on our side. If it keeps happening, quote error ${errorId}.`,
      errorId,
    };
  }
}

/**
 * Client errors the framework raises, by status, with the words we answer them in. Fastify's own
 * refusals, such as a body over the size limit, arrive as plain HttpExceptions that carry only
 * their status.
 */
const HTTP_ERRORS = new Map<number, [ErrorCode, string]>([
  [HttpStatus.UNAUTHORIZED, ['unauthenticated', 'Please sign in again.']],
  [HttpStatus.FORBIDDEN, ['forbidden', 'Your role does not allow this.']],
  [HttpStatus.NOT_FOUND, ['route_not_found', 'There is nothing at this address.']],
  [
    HttpStatus.PAYLOAD_TOO_LARGE,
    [
      'payload_too_large',
      'The request is too large: the portal takes at most 256 KB at a time. Shorten it and try again.',
    ],
  ],
  [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    [
      'unsupported_media_type',
      'Send the body as JSON, with the header Content-Type: application/json.',
    ],
  ],
]);

function fromHttpException(exception: HttpException): ApiError {
  const [code, message] = HTTP_ERRORS.get(exception.getStatus()) ?? [
    'validation_failed',
    exception.message,
  ];

  return { statusCode: exception.getStatus(), code, message };
}
