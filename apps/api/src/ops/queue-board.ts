import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  APP_CONFIG,
  type AppConfig,
  closeOnceSetUp,
  EMAIL_QUEUE,
  INFUSION_EVENTS_QUEUE,
  REDIS,
  REMINDERS_QUEUE,
} from '@ivks/server';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';

export const QUEUE_BOARD_PATH = '/ops/queues';

/** The queues the board shows. A queue no process uses yet simply shows empty. */
export const BOARD_QUEUES: readonly string[] = [
  EMAIL_QUEUE,
  INFUSION_EVENTS_QUEUE,
  REMINDERS_QUEUE,
];

/**
 * Mounts Bull Board at /ops/queues for platform operators, behind HTTP basic auth with
 * OPS_USERNAME and OPS_PASSWORD. Without them nothing is mounted and the path answers 404. The
 * routes are Fastify's own, outside the versioned API and its OpenAPI document.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  if (!config.OPS_USERNAME || !config.OPS_PASSWORD) {
    return;
  }
  const redis = app.get<Redis>(REDIS);
  const queues = BOARD_QUEUES.map((name) => new Queue(name, { connection: redis }));
  const board = new BoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => {
      const adapter = new BullMQAdapter(queue);
      adapter.setFormatter('data', idsOnly);
      adapter.setFormatter('returnValue', (value: unknown) =>
        typeof value === 'string' ? value : idsOnly(value),
      );

      return adapter;
    }),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'IV Ketamine Support queues' } },
  });

  const accepts = basicAuth(config.OPS_USERNAME, config.OPS_PASSWORD);
  const server = app.getHttpAdapter().getInstance();
  await server.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        if (!accepts(request.headers.authorization)) {
          await reply
            .code(401)
            .header(
              'www-authenticate',
              'Basic realm="IV Ketamine Support operations", charset="UTF-8"',
            )
            .send({
              code: 'unauthenticated',
              message: 'Sign in with OPS_USERNAME and OPS_PASSWORD.',
            });
        }
      });
      scope.addHook('onClose', async () => {
        await Promise.all(queues.map((queue) => closeOnceSetUp(queue, redis)));
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}

/**
 * Checks an Authorization header. Both sides are hashed first so that the comparison takes the
 * same time whatever the lengths.
 */
export function basicAuth(
  username: string,
  password: string,
): (header: string | undefined) => boolean {
  const expected = digest(`${username}:${password}`);

  return (header) => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    if (!match?.[1]) {
      return false;
    }

    return timingSafeEqual(digest(Buffer.from(match[1], 'base64').toString('utf8')), expected);
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Job data shows only its ids: an email job carries its body, which can hold a one-time link,
 * and its recipient, and operators need neither to see what a job is about.
 */
function idsOnly(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return data === undefined || data === null ? data : '[hidden]';
  }

  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      /Id$/.test(key) || key === 'kind' ? value : '[hidden]',
    ]),
  );
}
