import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
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

/** Framework-raised client errors, in the order they are checked, with the words we answer them in. */
const HTTP_ERRORS: [new (...args: never[]) => HttpException, ErrorCode, string | null][] = [
  [UnauthorizedException, 'unauthenticated', 'Please sign in again.'],
  [ForbiddenException, 'forbidden', 'Your role does not allow this.'],
  [NotFoundException, 'route_not_found', 'There is nothing at this address.'],
  [PayloadTooLargeException, 'payload_too_large', 'The request is too large.'],
];

function fromHttpException(exception: HttpException): ApiError {
  // Fastify's own refusals, such as a body over the size limit, arrive as plain HttpExceptions
  // that carry only their status.
  const known =
    HTTP_ERRORS.find(([type]) => exception instanceof type) ??
    (exception.getStatus() === 413
      ? HTTP_ERRORS.find(([type]) => type === PayloadTooLargeException)
      : undefined);

  return {
    statusCode: exception.getStatus(),
    code: known?.[1] ?? 'validation_failed',
    message: known?.[2] ?? exception.message,
  };
}
