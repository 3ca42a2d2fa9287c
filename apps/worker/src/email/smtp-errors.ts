/** What nodemailer puts on the errors it throws. */
interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

const MAX_ERROR_LENGTH = 200;

/** A 5xx reply is the server refusing for good; trying again would only be refused again. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as SmtpError | null)?.responseCode;

  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * A short account of what went wrong, fit for the delivery row and the log: nodemailer's code and
 * the server's reply, never the message, whose body can carry a one-time link.
 */
export function describeSmtpError(error: unknown): string {
  const { code, responseCode, message } = (error ?? {}) as SmtpError;
  const parts = [
    typeof code === 'string' ? code : undefined,
    typeof responseCode === 'number' ? `SMTP ${responseCode}` : undefined,
    typeof message === 'string' ? message.replace(/\s+/g, ' ').trim() : undefined,
  ].filter((part): part is string => Boolean(part));
  const description = parts.length > 0 ? parts.join(': ') : 'the email could not be sent';

  return description.length > MAX_ERROR_LENGTH
    ? `${description.slice(0, MAX_ERROR_LENGTH - 1)}…`
    : description;
}
