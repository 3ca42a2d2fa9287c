/** The one JSON shape of every error the API returns. */
export interface ApiError {
  statusCode: number;
  /** A stable machine-readable code, such as `patient_not_found` or `validation_failed`. */
  code: string;
  /** A sentence a person can act on. */
  message: string;
  /** Per-field problems, for forms that show a message beside each field. */
  fields?: Record<string, string[]>;
  /** Present on server errors: quote it to support; the same id is in the server log. */
  errorId?: string;
}
