import type { ApiError } from '@ivks/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Answers what Fastify refuses before any route runs (an address it cannot decode, or a part of it
 * too long to be an id or a link) in the API's own shape, without repeating the address, which
 * can hold the secret of a link.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A part of the address is too long. Check that the link was copied whole and that nothing was added to it.'
      : 'The address is not valid. Check the link and try again.';
  const body: ApiError = { statusCode: 400, code: 'validation_failed', message };
  void reply.status(400).send(body);
}
