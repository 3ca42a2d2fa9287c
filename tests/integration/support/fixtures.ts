import { randomUUID } from 'node:crypto';
import type { Role } from '@ivks/contracts';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { hashPassword } from '../../../apps/api/src/auth/passwords';

export const PASSWORD = 'integration-test-passphrase';

export interface FixtureUser {
  userId: string;
  membershipId: string;
  email: string;
  role: Role;
}

export interface FixtureClinic {
  id: string;
  name: string;
  owner: FixtureUser;
  clinician: FixtureUser;
  patientUser: FixtureUser;
  /** Patient ids; the first one belongs to `patientUser`. */
  patientIds: string[];
  infusionIds: string[];
}

let passwordHash: Promise<string> | undefined;

/** Writes data as the owner role, the way an operator or the seed would, bypassing the API. */
export async function ownerClient(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();

  return client;
}

/** A clinic with an owner, a clinician and `patientCount` patients, each with two infusions. */
export async function createClinic(
  owner: Client,
  label: string,
  patientCount = 3,
): Promise<FixtureClinic> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const id = randomUUID();
  const tag = id.slice(0, 8);
  const name = `${label} ${tag}`;
  await owner.query('INSERT INTO clinics (id, name, time_zone) VALUES ($1, $2, $3)', [
    id,
    name,
    'America/New_York',
  ]);

  const addUser = async (role: Role, local: string): Promise<FixtureUser> => {
    const user = {
      userId: randomUUID(),
      membershipId: randomUUID(),
      email: `${local}.${tag}@test.example`,
      role,
    };
    await owner.query('INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)', [
      user.userId,
      user.email,
      hash,
    ]);
    await owner.query(
      'INSERT INTO memberships (clinic_id, id, user_id, role, display_name) VALUES ($1, $2, $3, $4, $5)',
      [id, user.membershipId, user.userId, role, `${label} ${role}`],
    );

    return user;
  };
  const clinicOwner = await addUser('owner', 'owner');
  const clinician = await addUser('clinician', 'clinician');
  const patientUser = await addUser('patient', 'patient');

  const patientIds: string[] = [];
  const infusionIds: string[] = [];
  for (let index = 0; index < patientCount; index += 1) {
    const patientId = randomUUID();
    patientIds.push(patientId);
    await owner.query(
      `INSERT INTO patients (clinic_id, id, user_id, given_name, family_name, email, time_zone, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'America/New_York', 'active')`,
      [
        id,
        patientId,
        index === 0 ? patientUser.userId : null,
        `${label}`,
        `Patient${index} ${tag}`,
        `p${index}.${tag}@test.example`,
      ],
    );
    for (const days of [3, 5]) {
      const infusionId = randomUUID();
      infusionIds.push(infusionId);
      await owner.query(
        'INSERT INTO infusions (clinic_id, id, patient_id, scheduled_at) VALUES ($1, $2, $3, $4)',
        [id, infusionId, patientId, DateTime.utc().plus({ days }).toISO()],
      );
    }
  }

  return { id, name, owner: clinicOwner, clinician, patientUser, patientIds, infusionIds };
}
