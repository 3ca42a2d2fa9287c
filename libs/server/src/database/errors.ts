import { QueryFailedError } from 'typeorm';

/** True when a write failed because a row with the same unique key already exists. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: unknown } | undefined)?.code === '23505'
  );
}
