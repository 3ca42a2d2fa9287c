import type { ApiError } from '@ivks/contracts';
import type { FastifyInstance } from 'fastify';

/** Far deeper than any body the API takes, and far shallower than what exhausts the stack. */
export const MAX_BODY_DEPTH = 32;

/** How deeply a parsed JSON value nests, counted without recursion so any input is safe. */
export function nestingDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') {
      continue;
    }
    deepest = Math.max(deepest, depth);
    if (deepest > limit) {
      break;
    }
    for (const child of Object.values(current)) {
      pending.push([child, depth + 1]);
    }
  }

  return deepest;
}

/**
 * Refuses a body nested deeper than any real request before it reaches validation, whose
 * recursive walk would otherwise run out of stack and answer 500.
 */
export function limitBodyDepth(server: FastifyInstance): void {
  server.addHook('preValidation', (request, reply, done) => {
    if (nestingDepth(request.body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH) {
      done();

      return;
    }
    const error: ApiError = {
      statusCode: 400,
      code: 'validation_failed',
      message: `The request body nests more than ${MAX_BODY_DEPTH} levels deep; send a flatter body.`,
    };
    void reply.status(400).send(error);
  });
}
