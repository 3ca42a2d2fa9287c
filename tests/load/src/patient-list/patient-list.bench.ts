import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type LoadOptions, type LoadResult, sendLoad } from '../support/load';
import { median, ratio } from '../support/stats';
import { formatTable } from '../support/table';
import type { ParentMessage, ServersMessage } from './messages';

const CLINICIAN = { email: 'clinician@harbourside.example', password: 'calm-harbour-demo' };
const LIST_PATH = '/api/v1/patients?page=1&perPage=25&sort=familyName&order=ASC';
const GOAL = 0.85;

export interface PatientListOptions extends LoadOptions {
  rounds: number;
}

interface Side {
  name: 'api' | 'bare';
  port: number;
  results: LoadResult[];
  roundTrips: number;
  requests: number;
}

/** Sends a message to the servers' process and waits for the answer of the given type. */
function ask<T extends ServersMessage['type']>(
  child: ChildProcess,
  message: ParentMessage,
  answer: T,
): Promise<Extract<ServersMessage, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (reply: ServersMessage) => {
      if (reply.type === answer) {
        child.off('message', listener);
        resolve(reply as Extract<ServersMessage, { type: T }>);
      }
    };
    child.on('message', listener);
    child.send(message);
  });
}

function startServers(): Promise<{ child: ChildProcess; apiPort: number; barePort: number }> {
  const child = fork(join(__dirname, 'servers.js'), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The benchmark servers exited with ${code}.`)));
    child.on('message', (message: ServersMessage) => {
      if (message.type === 'ready') {
        resolve({ child, apiPort: message.apiPort, barePort: message.barePort });
      }
    });
  });
}

async function signIn(apiPort: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${apiPort}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CLINICIAN),
  });
  if (!response.ok) {
    throw new Error(`Sign-in as ${CLINICIAN.email} failed with ${response.status}; is it seeded?`);
  }

  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function patientIds(port: number, token: string): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${port}${LIST_PATH}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    throw new Error(`GET ${LIST_PATH} on port ${port} answered ${response.status}.`);
  }
  const body = (await response.json()) as { data: { id: string }[] };

  return body.data.map((patient) => patient.id);
}

/**
 * The clinician's patient list through the whole API (guards, validation, tenant transaction,
 * TypeORM, serialisation) against a bare Fastify + pg handler running the same SQL under the
 * same tenant settings. The two take turns, round after round, with the order swapped each
 * round, so that drift in the machine's load falls on both.
 */
export async function benchPatientList(options: PatientListOptions): Promise<void> {
  const { child, apiPort, barePort } = await startServers();
  try {
    const token = await signIn(apiPort);

    await ask(child, { type: 'record' }, 'recording');
    const apiIds = await patientIds(apiPort, token);
    await ask(child, { type: 'stop-recording' }, 'recorded');
    const bareIds = await patientIds(barePort, token);
    if (apiIds.length === 0 || apiIds.join() !== bareIds.join()) {
      throw new Error('The API and the bare handler did not return the same patients.');
    }

    const headers = { authorization: `Bearer ${token}` };
    const sides: Side[] = [
      { name: 'api', port: apiPort, results: [], roundTrips: 0, requests: 0 },
      { name: 'bare', port: barePort, results: [], roundTrips: 0, requests: 0 },
    ];
    for (const side of sides) {
      await sendLoad(`http://127.0.0.1:${side.port}${LIST_PATH}`, headers, {
        ...options,
        seconds: Math.min(options.seconds, 2),
      });
    }

    for (let round = 0; round < options.rounds; round += 1) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const before = (await ask(child, { type: 'count' }, 'count')).roundTrips;
        const result = await sendLoad(
          `http://127.0.0.1:${side.port}${LIST_PATH}`,
          headers,
          options,
        );
        const after = (await ask(child, { type: 'count' }, 'count')).roundTrips;
        side.results.push(result);
        side.roundTrips += after - before;
        side.requests += result.requests;
      }
    }

    report(sides, options);
  } finally {
    child.send({ type: 'stop' } satisfies ParentMessage);
  }
}

function report(sides: Side[], options: PatientListOptions): void {
  const [api, bare] = sides as [Side, Side];
  const rows = sides.map((side) => [
    side.name === 'api' ? 'API (Nest, TypeORM, tenant transaction)' : 'bare Fastify + pg',
    String(Math.round(median(side.results.map((result) => result.perSecond)))),
    String(median(side.results.map((result) => result.p50))),
    String(median(side.results.map((result) => result.p99))),
    (side.roundTrips / side.requests).toFixed(2),
  ]);
  const value = ratio(
    median(api.results.map((result) => result.perSecond)),
    median(bare.results.map((result) => result.perSecond)),
  );

  process.stdout.write(
    `\npatient list: ${options.rounds} rounds of ${options.seconds} s per side, ` +
      `${options.connections} connections\n`,
  );
  process.stdout.write(
    formatTable(['', 'requests/s (median)', 'p50 ms', 'p99 ms', 'round trips/request'], rows),
  );
  process.stdout.write(
    `patient list ratio (API / bare): ${value.toFixed(2)}x  (goal ${GOAL.toFixed(2)}x or better: ` +
      `${value >= GOAL ? 'met' : 'NOT met'})\n`,
  );
}
