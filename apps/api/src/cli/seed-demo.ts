import { randomUUID } from 'node:crypto';
import type { InfusionStatus, TimingAnchor } from '@ivks/contracts';
import {
  type CourseTimeline,
  type DueOffsetColumns,
  dueTimes,
  offsetColumns,
  offsetOf,
  SIX_INFUSION_COURSE,
  type TimedInfusion,
} from '@ivks/server';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { hashPassword } from '../auth/passwords';
import { DEMO_CLINICS, DEMO_PASSWORD, type DemoClinic } from './demo-data';

interface SeededTask extends DueOffsetColumns {
  id: string;
  pathwayId: string;
  contentSlug: string;
  anchor: TimingAnchor;
  offsetKind: NonNullable<DueOffsetColumns['offsetKind']>;
}

/**
 * Writes the demo clinics as the owner role: `node apps/api/dist/cli/seed-demo.js`.
 * Running it again refreshes the demo courses so their dates stay around today, and gives each
 * patient still in a course the clinic's six-infusion pathway afresh.
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
  const tasks = await seedDefaultPathway(client, clinic.id);
  for (const patient of clinic.patients) {
    const days = patient.infusionDays;
    const status = days.every((day) => day < 0) ? 'discharged' : 'active';
    const enrolledAt = DateTime.now()
      .minus({ days: 7 - Math.min(...days) })
      .toJSDate();
    // A finished course was closed the day after its last infusion.
    const dischargedAt =
      status === 'discharged'
        ? DateTime.now()
            .plus({ days: Math.max(...days) + 1 })
            .toJSDate()
        : null;
    await client.query(
      `INSERT INTO patients (clinic_id, id, user_id, given_name, family_name, email, time_zone, status, enrolled_at, discharged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (clinic_id, id) DO UPDATE SET status = EXCLUDED.status,
         enrolled_at = EXCLUDED.enrolled_at, discharged_at = EXCLUDED.discharged_at`,
      [
        clinic.id,
        patient.id,
        patient.userId,
        patient.givenName,
        patient.familyName,
        patient.email,
        patient.timeZone,
        status,
        enrolledAt,
        dischargedAt,
      ],
    );
    await client.query(
      `DELETE FROM assignment_checklist_ticks WHERE clinic_id = $1
         AND assignment_id IN (
           SELECT id FROM assignments WHERE clinic_id = $1 AND patient_id = $2)`,
      [clinic.id, patient.id],
    );
    await client.query('DELETE FROM assignments WHERE clinic_id = $1 AND patient_id = $2', [
      clinic.id,
      patient.id,
    ]);
    // The course is laid out afresh; what the patient wrote stays, loosened from old infusions.
    await client.query('DELETE FROM infusion_readiness WHERE clinic_id = $1 AND patient_id = $2', [
      clinic.id,
      patient.id,
    ]);
    await client.query(
      'UPDATE journal_entries SET infusion_id = NULL WHERE clinic_id = $1 AND patient_id = $2',
      [clinic.id, patient.id],
    );
    await client.query('DELETE FROM infusions WHERE clinic_id = $1 AND patient_id = $2', [
      clinic.id,
      patient.id,
    ]);
    const today = DateTime.now().setZone(patient.timeZone).startOf('day');
    const infusions: TimedInfusion[] = [];
    for (const day of days) {
      const at = today.plus({ days: day }).set({ hour: 10, minute: 30 });
      const infusionStatus: InfusionStatus = day < 0 ? 'completed' : 'scheduled';
      const infusion = { id: randomUUID(), scheduledAt: at.toJSDate(), status: infusionStatus };
      await client.query(
        `INSERT INTO infusions (clinic_id, id, patient_id, scheduled_at, duration_minutes, status)
         VALUES ($1, $2, $3, $4, 60, $5)`,
        [clinic.id, infusion.id, patient.id, infusion.scheduledAt, infusion.status],
      );
      infusions.push(infusion);
    }
    // Every clinician of the demo clinic is on every patient's care team.
    for (const member of clinic.staff.filter((staff) => staff.role === 'clinician')) {
      await client.query(
        `INSERT INTO care_team_members (clinic_id, patient_id, membership_id) VALUES ($1, $2, $3)
         ON CONFLICT (clinic_id, patient_id, membership_id) DO NOTHING`,
        [clinic.id, patient.id, member.membershipId],
      );
    }
    if (status === 'active') {
      const course = { timeZone: patient.timeZone, enrolledAt, infusions };
      await assignPathway(client, clinic.id, patient.id, tasks, course);
    }
  }
}

/** The clinic's six-infusion pathway, created on the first run and left as the clinic edited it. */
async function seedDefaultPathway(client: Client, clinicId: string): Promise<SeededTask[]> {
  const template = SIX_INFUSION_COURSE;
  const created = await client.query<{ id: string }>(
    `INSERT INTO pathways (clinic_id, name, description, built_in) VALUES ($1, $2, $3, $4)
     ON CONFLICT (clinic_id, built_in) WHERE built_in IS NOT NULL DO NOTHING RETURNING id`,
    [clinicId, template.name, template.description, template.builtIn],
  );
  const [inserted] = created.rows;
  if (inserted) {
    for (const [position, task] of template.tasks.entries()) {
      const offset = offsetColumns(task.timing.offset);
      await client.query(
        `INSERT INTO pathway_tasks (clinic_id, pathway_id, position, content_slug, anchor,
           offset_kind, offset_minutes, offset_days, offset_time)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          clinicId,
          inserted.id,
          position,
          task.contentSlug,
          task.timing.anchor,
          offset.offsetKind,
          offset.offsetMinutes,
          offset.offsetDays,
          offset.offsetTime,
        ],
      );
    }
  }
  const { rows } = await client.query<SeededTask>(
    `SELECT t.id, t.pathway_id AS "pathwayId", t.content_slug AS "contentSlug", t.anchor,
            t.offset_kind AS "offsetKind", t.offset_minutes AS "offsetMinutes",
            t.offset_days AS "offsetDays", t.offset_time AS "offsetTime"
     FROM pathway_tasks t JOIN pathways p ON p.clinic_id = t.clinic_id AND p.id = t.pathway_id
     WHERE p.clinic_id = $1 AND p.built_in = $2
     ORDER BY t.position`,
    [clinicId, template.builtIn],
  );

  return rows;
}

/** Assignments due before now are shown as done, so that the demo shows a course under way. */
async function assignPathway(
  client: Client,
  clinicId: string,
  patientId: string,
  tasks: SeededTask[],
  course: CourseTimeline,
): Promise<void> {
  const now = Date.now();
  for (const task of tasks) {
    const offset = offsetOf(task);
    for (const { infusionId, dueAt } of dueTimes({ anchor: task.anchor, offset }, course)) {
      const columns = offsetColumns(infusionId ? offset : null);
      const done = dueAt.getTime() < now;
      await client.query(
        `INSERT INTO assignments (clinic_id, patient_id, content_slug, infusion_id, pathway_id,
           pathway_task_id, offset_kind, offset_minutes, offset_days, offset_time, due_at, status,
           completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          clinicId,
          patientId,
          task.contentSlug,
          infusionId,
          task.pathwayId,
          task.id,
          columns.offsetKind,
          columns.offsetMinutes,
          columns.offsetDays,
          columns.offsetTime,
          dueAt,
          done ? 'done' : 'open',
          done ? dueAt : null,
        ],
      );
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${(error as Error).message}\n`);
  process.exit(1);
});
