import { randomBytes, randomUUID } from 'node:crypto';
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
  /** On every patient's care team. */
  clinician: FixtureUser;
  patientUser: FixtureUser;
  /** Patient ids; the first one belongs to `patientUser`. */
  patientIds: string[];
  infusionIds: string[];
  pathwayIds: string[];
  /** A checklist assignment of the first patient's first infusion. */
  assignmentIds: string[];
  /** The first patient's calendar and chaperone links. */
  linkIds: string[];
  /** A guide of the clinic's own, and the words of it and of its instructions. */
  content: { slug: string; title: string; instruction: string };
}

/** The checklist every fixture clinic assigns, and one of its entries. */
export const FIXTURE_CHECKLIST = {
  slug: 'infusion-preparation-checklist',
  itemId: 'ride-home-arranged',
};

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

  const pathwayId = randomUUID();
  await owner.query('INSERT INTO pathways (clinic_id, id, name) VALUES ($1, $2, $3)', [
    id,
    pathwayId,
    `${label} pathway`,
  ]);
  await owner.query(
    `INSERT INTO pathway_tasks
       (clinic_id, pathway_id, position, content_slug, anchor, offset_kind, offset_minutes)
     VALUES ($1, $2, 0, $3, 'each_infusion', 'duration', -2880)`,
    [id, pathwayId, FIXTURE_CHECKLIST.slug],
  );
  const assignmentIds: string[] = [];
  if (patientIds[0] && infusionIds[0]) {
    const assignmentId = randomUUID();
    assignmentIds.push(assignmentId);
    await owner.query(
      `INSERT INTO assignments
         (clinic_id, id, patient_id, content_slug, infusion_id, offset_kind, offset_minutes, due_at)
       SELECT $1, $2, $3, $4, i.id, 'duration', -2880, i.scheduled_at - interval '48 hours'
       FROM infusions i WHERE i.clinic_id = $1 AND i.id = $5`,
      [id, assignmentId, patientIds[0], FIXTURE_CHECKLIST.slug, infusionIds[0]],
    );
  }

  // A clinician sees only the patients on whose care team they are.
  for (const patientId of patientIds) {
    await owner.query(
      `INSERT INTO care_team_members (clinic_id, patient_id, membership_id) VALUES ($1, $2, $3)`,
      [id, patientId, clinician.membershipId],
    );
  }

  const linkIds: string[] = [];
  for (const purpose of patientIds.length > 0 ? ['calendar', 'chaperone'] : []) {
    const linkId = randomUUID();
    linkIds.push(linkId);
    await owner.query(
      `INSERT INTO patient_links (clinic_id, id, patient_id, purpose, secret_hash)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, linkId, patientIds[0], purpose, randomBytes(32)],
    );
  }
  const content = {
    slug: `own-guide-${tag}`,
    title: `${name} own guide`,
    instruction: `${name} fasting instruction`,
  };
  await owner.query(
    `INSERT INTO clinic_content_items (clinic_id, slug, kind, item) VALUES ($1, $2, 'guide', $3)`,
    [
      id,
      content.slug,
      {
        slug: content.slug,
        kind: 'guide',
        phase: 'any_time',
        title: content.title,
        summary: 'A fixture guide.',
        estimatedMinutes: 1,
        sections: [{ heading: 'Only', paragraphs: ['Only this.'] }],
      },
    ],
  );
  await owner.query(
    `INSERT INTO clinic_instructions (clinic_id, topic, body) VALUES ($1, 'fasting', $2)`,
    [id, content.instruction],
  );

  return {
    id,
    name,
    owner: clinicOwner,
    clinician,
    patientUser,
    patientIds,
    infusionIds,
    pathwayIds: [pathwayId],
    assignmentIds,
    linkIds,
    content,
  };
}

export interface FixturePatient {
  patientId: string;
  userId: string;
  email: string;
}

/** A patient of `clinic` who can sign in, in `timeZone`, enrolled now and with no infusions. */
export async function addPatient(
  owner: Client,
  clinic: FixtureClinic,
  timeZone: string,
): Promise<FixturePatient> {
  passwordHash ??= hashPassword(PASSWORD);
  const patientId = randomUUID();
  const patient = { patientId, userId: randomUUID(), email: `patient.${patientId}@test.example` };
  await owner.query('INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)', [
    patient.userId,
    patient.email,
    await passwordHash,
  ]);
  await owner.query(
    `INSERT INTO memberships (clinic_id, id, user_id, role, display_name)
     VALUES ($1, gen_random_uuid(), $2, 'patient', 'Fixture patient')`,
    [clinic.id, patient.userId],
  );
  await owner.query(
    `INSERT INTO patients
       (clinic_id, id, user_id, given_name, family_name, email, time_zone, status)
     VALUES ($1, $2, $3, 'Fixture', 'Patient', $4, $5, 'active')`,
    [clinic.id, patient.patientId, patient.userId, patient.email, timeZone],
  );
  await owner.query(
    `INSERT INTO care_team_members (clinic_id, patient_id, membership_id) VALUES ($1, $2, $3)`,
    [clinic.id, patient.patientId, clinic.clinician.membershipId],
  );

  return patient;
}
