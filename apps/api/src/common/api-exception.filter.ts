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
      const code = httpCode(exception);

      return { statusCode: exception.getStatus(), code, message: httpMessage(exception, code) };
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

function httpCode(exception: HttpException): ErrorCode {
  if (exception instanceof UnauthorizedException) return 'unauthenticated';
  if (exception instanceof ForbiddenException) return 'forbidden';
  if (exception instanceof NotFoundException) return 'route_not_found';
  if (exception instanceof PayloadTooLargeException) return 'payload_too_large';

  return 'validation_failed';
}

function httpMessage(exception: HttpException, code: ErrorCode): string {
  switch (code) {
    case 'unauthenticated':
      return 'Please sign in again.';
    case 'forbidden':
      return 'Your role does not allow this.';
    case 'route_not_found':
      return 'There is nothing at this address.';
    case 'payload_too_large':
      return 'The request is too large.';
    default:
      return exception.message;
  }
}
