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

/** Routes whose last segment is a secret that opens a shared link or an invitation. */
const LINK_TOKEN_ROUTE =
  /\/(calendar|chaperone|patient-invitations|staff-invitations)\/(?!(?:accept|fresh)$)[^/]+$/;

/**
 * A path segment holding a run of 40 or more URL-safe characters: longer than any id, as long as
 * a secret. Requests to addresses no route serves are logged too, and may carry one.
 */
const SECRET_SEGMENT = /(?<=\/)[^/]*[\w-]{40}[^/]*/g;

/**
 * Each segment as the router reads it, so that percent-encoding hides nothing from the checks
 * above; a segment that cannot be decoded is not shown at all.
 */
function decodedPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return ':undecodable';
      }
    })
    .join('/');
}

/**
 * The path a log line shows: no query, and no link token, since whoever holds a token can open
 * what it shares.
 */
export function loggedPath(url: string | undefined): string {
  return decodedPath(pathOnly(url))
    .replace(LINK_TOKEN_ROUTE, '/$1/:token')
    .replace(SECRET_SEGMENT, ':secret');
}

/**
 * What a log line may say about an error, whether it arrives as an Error or as pino's plain copy
 * of one. A failed query carries its statement's parameters and the driver's detail, which can
 * hold a patient's name or what they wrote, so only the error's kind, message, code and stack are
 * kept.
 */
export function loggableError(error: unknown): Record<string, string> {
  if (typeof error !== 'object' || error === null) {
    return { type: typeof error };
  }
  const { type, name, message, code, stack } = error as Record<string, unknown>;
  const kept: Record<string, unknown> = { type: type ?? name, message, code, stack };

  return Object.fromEntries(
    Object.entries(kept).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
