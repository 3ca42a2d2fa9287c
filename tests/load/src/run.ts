import { parseArgs } from 'node:util';
import { benchPatientList } from './patient-list/patient-list.bench';
import { benchReminders } from './reminders/reminders.bench';

/**
 * `npm run bench`: each benchmark measures the project's path against a baseline in the same
 * run and prints the ratio beside its goal. Timings are never asserted: a busy machine slows both
 * sides, and the ratio is what carries over between machines.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '10' },
    },
  });
  const options = {
    rounds: positive('rounds', values.rounds),
    seconds: positive('seconds', values.seconds),
    connections: positive('connections', values.connections),
  };

  await benchPatientList(options);
  await benchReminders({ rounds: options.rounds });
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a whole number of at least 1, not "${text}".`);
  }

  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});
