import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startApi } from './support/api';

const basic = (username: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
});

describe('the queue board at /ops/queues', () => {
  const saved = { username: process.env.OPS_USERNAME, password: process.env.OPS_PASSWORD };

  afterAll(() => {
    for (const [name, value] of [
      ['OPS_USERNAME', saved.username],
      ['OPS_PASSWORD', saved.password],
    ] as const) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  });

  describe('with OPS_USERNAME and OPS_PASSWORD', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      process.env.OPS_USERNAME = 'operator';
      process.env.OPS_PASSWORD = 'a-long-operator-passphrase';
      app = await startApi();
    });

    afterAll(async () => {
      await app.close();
    });

    it('asks for a sign-in without credentials or with wrong ones', async () => {
      for (const headers of [
        {},
        basic('operator', 'wrong'),
        basic('someone', 'a-long-operator-passphrase'),
        { authorization: 'Bearer a-long-operator-passphrase' },
      ]) {
        for (const url of ['/ops/queues', '/ops/queues/api/queues']) {
          const response = await app.inject({ method: 'GET', url, headers });
          expect(response.statusCode).toBe(401);
          expect(response.headers['www-authenticate']).toMatch(/^Basic realm=/);
        }
      }
    });

    it('shows the board and its queues to the operator', async () => {
      const headers = basic('operator', 'a-long-operator-passphrase');
      const page = await app.inject({ method: 'GET', url: '/ops/queues', headers });

      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);

      const queues = await app.inject({ method: 'GET', url: '/ops/queues/api/queues', headers });
      expect(queues.statusCode).toBe(200);
      const names = queues.json<{ queues: { name: string }[] }>().queues.map((queue) => queue.name);
      expect(names).toEqual(expect.arrayContaining(['email', 'infusion-events', 'reminders']));
    });

    it('stays out of the OpenAPI document', async () => {
      const document = (await app.inject({ method: 'GET', url: '/api/docs-json' })).json<{
        paths: Record<string, unknown>;
      }>();

      expect(Object.keys(document.paths).filter((path) => path.startsWith('/ops'))).toEqual([]);
    });
  });

  describe('without them', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      delete process.env.OPS_USERNAME;
      delete process.env.OPS_PASSWORD;
      app = await startApi();
    });

    afterAll(async () => {
      await app.close();
    });

    it('is not there at all', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/ops/queues',
        headers: basic('operator', 'a-long-operator-passphrase'),
      });

      expect(response.statusCode).toBe(404);
    });
  });
});
