import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Client, Pool, type QueryConfig } from 'pg';
import type { ParentMessage, ServersMessage, Statement } from './messages';

/*
 * Both sides of the benchmark live in this one process, so they share one event loop, one `pg`
 * module and one round-trip counter. The parent sends load to one side at a time.
 */

const ROOT = resolve(__dirname, '../../../..');

let roundTrips = 0;
let recording: Statement[] | null = null;

/** Every call of `Client.query` is one round trip to PostgreSQL, whoever makes it. */
function countRoundTrips(): void {
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function countedQuery(this: Client, ...args: unknown[]) {
    roundTrips += 1;
    recording?.push(statementOf(args));

    return query.apply(this, args);
  } as typeof Client.prototype.query;
}

function statementOf(args: unknown[]): Statement {
  const [first, second] = args;
  if (typeof first === 'string') {
    return { text: first, values: Array.isArray(second) ? (second as unknown[]) : [] };
  }
  const config = first as QueryConfig;

  return { text: config.text, values: config.values ?? [] };
}

function send(message: ServersMessage): void {
  process.send?.(message);
}

async function startApi(): Promise<{ app: NestFastifyApplication; port: number }> {
  // The API as it is built and deployed, not its sources.
  const factory = (await import(
    pathToFileURL(resolve(ROOT, 'apps/api/dist/app.factory.js')).href
  )) as {
    createApp(): Promise<NestFastifyApplication>;
  };
  const app = await factory.createApp();
  await app.listen({ port: 0, host: '127.0.0.1' });

  return { app, port: portOf(app.getHttpServer().address()) };
}

interface AccessClaims {
  sub: string;
  cid: string;
  role: string;
}

/**
 * The least a hand-written handler can do for the same answer: verify the same bearer token,
 * then run the statements the API ran for this request, under the same tenant settings, on a
 * pool of the same size.
 */
async function startBare(handlerStatements: () => Statement[]) {
  const key = createSecretKey(Buffer.from(required('JWT_SECRET'), 'utf8'));
  const pool = new Pool({
    connectionString: required('DATABASE_URL'),
    max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10),
  });
  const server = fastify({ logger: false });

  server.get('/api/v1/patients', async (request, reply) => {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    let claims: AccessClaims;
    try {
      claims = jwt.verify(token, key, { algorithms: ['HS256'] }) as AccessClaims;
    } catch {
      return reply.status(401).send({ message: 'Sign in again.' });
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('app.clinic_id', $1, true), set_config('app.user_id', $2, true),
                set_config('app.role', $3, true)`,
        [claims.cid, claims.sub, claims.role],
      );
      let rows: { total?: number }[] = [];
      for (const statement of handlerStatements()) {
        rows = (await client.query<{ total?: number }>(statement.text, statement.values)).rows;
      }
      await client.query('COMMIT');

      return { data: rows, total: rows[0]?.total ?? 0 };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
  await server.listen({ port: 0, host: '127.0.0.1' });

  return { server, pool, port: portOf(server.server.address()) };
}

/** The statements between the tenant settings and the commit: what the handler itself ran. */
function handlerPart(statements: Statement[]): Statement[] {
  const start = statements.findIndex((statement) => statement.text.includes('set_config'));
  const end = statements.findIndex((statement) => statement.text === 'COMMIT');
  if (start < 0 || end < start) {
    throw new Error('The recorded request did not run inside a tenant transaction.');
  }

  return statements.slice(start + 1, end);
}

function portOf(address: unknown): number {
  if (address && typeof address === 'object' && 'port' in address) {
    return Number(address.port);
  }
  throw new Error('A server did not report its port.');
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set; run the benchmark through npm run bench.`);
  }

  return value;
}

async function main(): Promise<void> {
  countRoundTrips();
  let statements: Statement[] = [];
  const api = await startApi();
  const bare = await startBare(() => statements);

  process.on('message', (message: ParentMessage) => {
    switch (message.type) {
      case 'record':
        recording = [];
        send({ type: 'recording' });
        break;
      case 'stop-recording':
        statements = handlerPart(recording ?? []);
        recording = null;
        send({ type: 'recorded', statements: statements.length });
        break;
      case 'count':
        send({ type: 'count', roundTrips });
        break;
      case 'stop':
        void Promise.all([api.app.close(), bare.server.close(), bare.pool.end()]).then(() =>
          process.exit(0),
        );
        break;
    }
  });
  send({ type: 'ready', apiPort: api.port, barePort: bare.port });
}

main().catch((error: unknown) => {
  process.stderr.write(`The benchmark servers could not start.\n${String(error)}\n`);
  process.exit(1);
});
