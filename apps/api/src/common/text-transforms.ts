/** Trims a string field before it is validated; other values pass through to be refused. */
export const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** An email is compared and stored trimmed and lower-cased. */
export const normalEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
