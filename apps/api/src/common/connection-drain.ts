import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * On shutdown the server stops taking connections and waits for the requests in flight. Their
 * answers say `Connection: close`, so that no keep-alive connection holds the shutdown open
 * after its last answer; only then do the database and Redis close.
 */
@Injectable()
export class ConnectionDrain implements BeforeApplicationShutdown {
  private draining = false;

  attachTo(server: FastifyInstance): void {
    server.addHook('onSend', (_request, reply, payload, done) => {
      if (this.draining) {
        void reply.header('connection', 'close');
      }
      done(null, payload);
    });
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}
