import type { ApiError } from '@ivks/contracts';
import type { FastifyInstance } from 'fastify';

/**
 * A NUL character, which PostgreSQL cannot store in text, or half of a surrogate pair, which is
 * not a character at all and would be stored as a replacement mark.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * The dotted path of the first string in `value` that cannot be stored as written, or null. The
 * walk uses its own stack, so any value is safe.
 */
export function unstorableTextAt(value: unknown): string | null {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (isUnstorable(current)) {
        return path;
      }
      continue;
    }
    if (current === null || typeof current !== 'object') {
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      if (isUnstorable(key)) {
        return path ? `a field name in ${path}` : 'a field name';
      }
      pending.push([child, path ? `${path}.${key}` : key]);
    }
  }

  return null;
}

/**
 * Refuses a body or query holding text that cannot be stored, naming the field, before it reaches
 * validation (whose email check throws on a broken character) or the database (which refuses a
 * NUL with an error the person could do nothing about).
 */
export function refuseUnstorableText(server: FastifyInstance): void {
  server.addHook('preValidation', (request, reply, done) => {
    const field = unstorableTextAt(request.body) ?? unstorableTextAt(request.query);
    if (field === null) {
      done();

      return;
    }
    const name = field || 'the request body';
    const problem = `${name} contains a character that cannot be stored (a NUL or a broken Unicode character); remove it and try again`;
    const error: ApiError = {
      statusCode: 400,
      code: 'validation_failed',
      message: `Please correct the request: ${problem}.`,
      fields: { [name]: [problem] },
    };
    void reply.status(400).send(error);
  });
}
