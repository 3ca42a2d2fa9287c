import { HttpError } from 'react-admin';
import type { ErrorBody } from '../api/api-client';

/**
 * The per-field messages of a refused request, for a react-admin form to show beside each input,
 * or null when the refusal is not about particular fields.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> | null {
  if (!(error instanceof HttpError)) {
    return null;
  }
  const errors = (error.body as ErrorBody | undefined)?.errors;

  return errors && Object.keys(errors).length > 0 ? errors : null;
}

export function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message !== '' ? error.message : fallback;
}
