import type { ErrorCode } from '@ivks/contracts';

/** A failure the caller can act on; the exception filter turns its code into an HTTP status. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppException';
  }
}
