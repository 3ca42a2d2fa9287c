import { ParseUUIDPipe } from '@nestjs/common';
import { AppException } from './app.exception';

/** Refuses a malformed id with a message that names what the id was for. */
export function uuidPipe(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new AppException('validation_failed', `The ${what} in the address is not a valid id.`),
  });
}
