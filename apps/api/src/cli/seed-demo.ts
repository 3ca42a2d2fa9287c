import { DateTime } from 'luxon';
import { Client } from 'pg';
import { hashPassword } from '../auth/passwords';
import { DEMO_CLINICS, DEMO_PASSWORD, type DemoClinic } from './demo-data';

/**
 * Writes the demo clinics as the owner role: `node apps/api/dist/cli/seed-demo.js`.
 * Running it again refreshes the demo courses so their dates stay around today.
 */
async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl) {
    throw new Error('DATABASE_OWNER_URL is required: the URL of the role that owns the schema.');
  }
  const client = new Client({ connectionString: ownerUrl, application_name: 'ivks-seed' });
  await client.connect();
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await client.query('BEGIN');
    for (const clinic of DEMO_CLINICS) {
      await seedClinic(client, clinic, passwordHash);
    }
    await client.query('COMMIT');
    process.stdout.write(`seeded ${DEMO_CLINICS.length} demo clinics\n`);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

async function seedClinic(client: Client, clinic: DemoClinic, passwordHash: string): Promise<void> {
  await client.query(
    `INSERT INTO clinics (id, name, time_zone, phone) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, phone = EXCLUDED.phone`,
    [clinic.id, clinic.name, clinic.timeZone, clinic.phone],
  );
  const people = [
    ...clinic.staff.map((member) => ({ ...member, displayName: member.name })),
    ...clinic.patients.map((patient) => ({
      ...patient,
      displayName: `${patient.givenName} ${patient.familyName}`,
      role: 'patient' as const,
    })),
  ];
  for (const person of people) {
    await client.query(
      `INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
      [person.userId, person.email, passwordHash],
    );
    await client.query(
      `INSERT INTO memberships (clinic_id, id, user_id, role, display_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (clinic_id, id) DO UPDATE SET role = EXCLUDED.role, deactivated_at = NULL`,
      [clinic.id, person.membershipId, person.userId, person.role, person.displayName],
    );
  }
  for (const patient of clinic.patients) {
    const days = patient.infusionDays;
    const status = days.every((day) => day < 0) ? 'discharged' : 'active';
    await client.query(
      `INSERT INTO patients (clinic_id, id, user_id, given_name, family_name, email, time_zone, status, enrolled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9))
       ON CONFLICT (clinic_id, id) DO UPDATE SET status = EXCLUDED.status, enrolled_at = EXCLUDED.enrolled_at`,
      [
        clinic.id,
        patient.id,
        patient.userId,
        patient.givenName,
        patient.familyName,
        patient.email,
        patient.timeZone,
        status,
        7 - Math.min(...days),
      ],
    );
    await client.query('DELETE FROM infusions WHERE clinic_id = $1 AND patient_id = $2', [
      clinic.id,
      patient.id,
    ]);
    const today = DateTime.now().setZone(patient.timeZone).startOf('day');
    for (const day of days) {
      const at = today.plus({ days: day }).set({ hour: 10, minute: 30 });
      await client.query(
        `INSERT INTO infusions (clinic_id, patient_id, scheduled_at, duration_minutes, status)
         VALUES ($1, $2, $3, 60, $4)`,
        [clinic.id, patient.id, at.toUTC().toISO(), day < 0 ? 'completed' : 'scheduled'],
      );
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${(error as Error).message}\n`);
  process.exit(1);
});
