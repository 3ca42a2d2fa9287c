/**
 * Paths pino removes from every log line. Request and response bodies are never logged at all;
 * these cover the headers and error details that could still carry a secret.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
];

/** Keeps the path of a URL and drops its query, which can hold search text such as a name. */
export function pathOnly(url: string | undefined): string {
  if (!url) {
    return '';
  }
  const queryStart = url.indexOf('?');

  return queryStart === -1 ? url : url.slice(0, queryStart);
}
