import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  ClinicianChoice,
  Page,
  PatientDetail,
  PatientSortField,
  PatientSummary,
} from '@ivks/contracts';
import {
  AuditTrail,
  Infusion,
  isUniqueViolation,
  pageTotal,
  Patient,
  TenantTransactions,
} from '@ivks/server';
import { AppException } from '../common/app.exception';
import { infusionView } from '../infusions/infusion.view';
import { PatientInvitationsService } from '../patient-invitations/patient-invitations.service';
import type { EnrolPatientDto, ListPatientsQueryDto } from './dto/patient.dto';

const SORT_COLUMNS: Record<PatientSortField, string> = {
  familyName: 'p.family_name',
  givenName: 'p.given_name',
  enrolledAt: 'p.enrolled_at',
  nextInfusionAt: 'next_infusion_at',
  status: 'p.status',
};

interface PatientRow {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
  time_zone: string;
  phone: string | null;
  status: PatientSummary['status'];
  enrolled_at: Date;
  discharged_at: Date | null;
  invitation_sent_at: Date | null;
  next_infusion_at: Date | null;
  completed_infusions: number;
  scheduled_infusions: number;
  total?: number;
}

/** A patient's row with its next infusion and the counts of its course. */
function summarySelect(extraColumns = ''): string {
  return `
  SELECT p.id, p.given_name, p.family_name, p.email, p.time_zone, p.phone, p.status, p.enrolled_at,
         p.discharged_at, course.next_infusion_at, course.completed_infusions,
         course.scheduled_infusions,
         (SELECT max(pi.sent_at) FROM patient_invitations pi
          WHERE pi.clinic_id = p.clinic_id AND pi.patient_id = p.id) AS invitation_sent_at${extraColumns}
  FROM patients p
  CROSS JOIN LATERAL (
    SELECT min(i.scheduled_at) FILTER (WHERE i.status = 'scheduled' AND i.scheduled_at > now())
             AS next_infusion_at,
           count(*) FILTER (WHERE i.status = 'completed')::int AS completed_infusions,
           count(*) FILTER (WHERE i.status <> 'cancelled')::int AS scheduled_infusions
    FROM infusions i
    WHERE i.clinic_id = p.clinic_id AND i.patient_id = p.id
  ) course`;
}

@Injectable()
export class PatientsService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly audit: AuditTrail,
    private readonly invitations: PatientInvitationsService,
  ) {}

  async list(query: ListPatientsQueryDto): Promise<Page<PatientSummary>> {
    const perPage = query.perPage ?? 25;
    const page = query.page ?? 1;
    const order = query.order === 'DESC' ? 'DESC' : 'ASC';
    const sort = SORT_COLUMNS[query.sort ?? 'familyName'];
    const search = query.q ? `%${query.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%` : null;
    const filters = [this.tenants.scope.clinicId, search, query.status ?? null];
    const where = `
      WHERE p.clinic_id = $1
        AND ($2::text IS NULL OR p.given_name ILIKE $2 OR p.family_name ILIKE $2 OR p.email ILIKE $2)
        AND ($3::text IS NULL OR p.status = $3)`;

    const rows = await this.tenants.manager.query<PatientRow[]>(
      `${summarySelect(', count(*) OVER ()::int AS total')}
       ${where}
       ORDER BY ${sort} ${order} NULLS LAST, p.id
       LIMIT $4 OFFSET $5`,
      [...filters, perPage, (page - 1) * perPage],
    );
    const total = await pageTotal(rows, async () => {
      const [counted] = await this.tenants.manager.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM patients p ${where}`,
        filters,
      );

      return counted?.total ?? 0;
    });

    return { data: rows.map(summaryView), total };
  }

  /** The active clinicians of the clinic, for choosing a care team. */
  async clinicians(): Promise<ClinicianChoice[]> {
    const rows = await this.tenants.manager.query<{ id: string; display_name: string }[]>(
      `SELECT id, display_name FROM memberships
       WHERE clinic_id = $1 AND role = 'clinician' AND deactivated_at IS NULL
       ORDER BY display_name, id`,
      [this.tenants.scope.clinicId],
    );

    return rows.map((row) => ({ membershipId: row.id, name: row.display_name }));
  }

  /** A staff member's read of a patient, recorded in the audit trail in the same transaction. */
  async view(id: string): Promise<PatientDetail> {
    const patient = await this.get(id);
    await this.audit.record({
      action: 'patient.viewed',
      subject: { type: 'patient', id },
      details: {},
    });

    return patient;
  }

  async get(id: string): Promise<PatientDetail> {
    const [row] = await this.tenants.manager.query<PatientRow[]>(
      `${summarySelect()} WHERE p.clinic_id = $1 AND p.id = $2`,
      [this.tenants.scope.clinicId, id],
    );
    if (!row) {
      throw new AppException(
        'patient_not_found',
        'There is no patient with this id in your clinic.',
      );
    }
    const infusions = await this.tenants.repository(Infusion).find({
      where: { clinicId: this.tenants.scope.clinicId, patientId: id },
      order: { scheduledAt: 'ASC' },
    });

    return {
      ...summaryView(row),
      phone: row.phone,
      dischargedAt: row.discharged_at?.toISOString() ?? null,
      infusions: infusions.map(infusionView),
    };
  }

  /**
   * Enrols a patient with their care team and emails them an invitation. A clinician who enrols
   * goes on the team first: that is what lets them see the patient, and add the others.
   */
  async enrol(request: EnrolPatientDto): Promise<PatientDetail> {
    const { clinicId } = this.tenants.scope;
    const id = randomUUID();
    const enrolling = await this.enrollingClinician();
    const careTeam = [
      ...new Set((request.careTeam ?? (enrolling ? [enrolling] : [])).map((m) => m.toLowerCase())),
    ];
    if (enrolling && !careTeam.includes(enrolling)) {
      throw new AppException(
        'validation_failed',
        'Please correct the request: careTeam must include you, because a clinician sees only the patients on whose care team they are.',
        undefined,
        { careTeam: ['careTeam must include you when you enrol a patient'] },
      );
    }
    if (careTeam.length === 0) {
      // Shared writing, and any crisis flag on it, go to the care team: an empty one reads nothing.
      throw new AppException(
        'validation_failed',
        'Please correct the request: careTeam must name at least one clinician, who will read what the patient shares.',
        undefined,
        { careTeam: ['careTeam must name at least one clinician'] },
      );
    }
    await this.requireClinicians(careTeam);
    await this.refuseStaffEmail(request.email);
    try {
      // No RETURNING: until the care team is written, a clinician may not read the new row.
      await this.tenants.manager.query(
        `INSERT INTO patients (clinic_id, id, given_name, family_name, email, time_zone, phone)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          clinicId,
          id,
          request.givenName,
          request.familyName,
          request.email,
          request.timeZone,
          request.phone ?? null,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppException(
          'patient_email_taken',
          'A patient with this email is already enrolled in your clinic.',
          undefined,
          { email: ['A patient with this email is already enrolled'] },
        );
      }
      throw error;
    }
    const ordered = enrolling ? [enrolling, ...careTeam.filter((m) => m !== enrolling)] : careTeam;
    for (const membershipId of ordered) {
      await this.tenants.manager.query(
        `INSERT INTO care_team_members (clinic_id, patient_id, membership_id) VALUES ($1, $2, $3)`,
        [clinicId, id, membershipId],
      );
    }
    await this.invitations.send({ id, email: request.email }, 'enrolment');

    return this.get(id);
  }

  /**
   * Ends the patient's course: the record stays readable, open assignments are withdrawn so no
   * reminder or task is left waiting, and nothing new can be scheduled or assigned.
   */
  async discharge(id: string): Promise<PatientDetail> {
    const patient = await this.requirePatient(id);
    if (patient.status === 'discharged') {
      throw new AppException('patient_discharged', 'This patient has already been discharged.');
    }
    const { clinicId } = this.tenants.scope;
    await this.tenants.manager.query(
      `UPDATE patients SET status = 'discharged', discharged_at = now()
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id],
    );
    const [withdrawn] = await this.tenants.manager.query<{ count: number }[]>(
      `WITH withdrawn AS (
         UPDATE assignments SET status = 'withdrawn', withdrawn_at = now(), updated_at = now()
         WHERE clinic_id = $1 AND patient_id = $2 AND status = 'open'
         RETURNING id
       )
       SELECT count(*)::int AS count FROM withdrawn`,
      [clinicId, id],
    );
    await this.invitations.revokeLive(id, 'discharged');
    await this.audit.record({
      action: 'patient.discharged',
      subject: { type: 'patient', id },
      details: { withdrawnAssignments: withdrawn?.count ?? 0 },
    });

    return this.get(id);
  }

  /** Opens a discharged patient's record to new work again; withdrawn assignments stay so. */
  async readmit(id: string): Promise<PatientDetail> {
    const patient = await this.requirePatient(id);
    if (patient.status !== 'discharged') {
      throw new AppException('patient_not_discharged', 'This patient has not been discharged.');
    }
    await this.tenants.manager.query(
      `UPDATE patients SET status = CASE WHEN user_id IS NULL THEN 'invited' ELSE 'active' END,
         discharged_at = NULL
       WHERE clinic_id = $1 AND id = $2`,
      [this.tenants.scope.clinicId, id],
    );
    await this.audit.record({
      action: 'patient.readmitted',
      subject: { type: 'patient', id },
      details: {},
    });

    return this.get(id);
  }

  private async requirePatient(id: string): Promise<Patient> {
    const patient = await this.tenants
      .repository(Patient)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, id });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'There is no patient with this id in your clinic.',
      );
    }

    return patient;
  }

  /** The membership of the signed-in clinician, or null for owners and admins. */
  private async enrollingClinician(): Promise<string | null> {
    const { clinicId, userId, role } = this.tenants.scope;
    if (role !== 'clinician' || !userId) {
      return null;
    }
    const [membership] = await this.tenants.manager.query<{ id: string }[]>(
      'SELECT id FROM memberships WHERE clinic_id = $1 AND user_id = $2',
      [clinicId, userId],
    );

    return membership?.id ?? null;
  }

  /**
   * One account cannot be both staff and a patient of the same clinic, so an invitation to a
   * staff member's address could never be accepted: say so now rather than then.
   */
  private async refuseStaffEmail(email: string): Promise<void> {
    const [staff] = await this.tenants.manager.query<unknown[]>(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.clinic_id = $1 AND m.role <> 'patient' AND u.email = lower($2)`,
      [this.tenants.scope.clinicId, email],
    );
    if (staff) {
      throw new AppException(
        'patient_email_taken',
        'This email belongs to a member of your staff; a patient needs an address of their own.',
        undefined,
        { email: ['This email belongs to a member of your staff'] },
      );
    }
  }

  private async requireClinicians(membershipIds: string[]): Promise<void> {
    const found = await this.tenants.manager.query<{ id: string }[]>(
      `SELECT id FROM memberships
       WHERE clinic_id = $1 AND id = ANY($2::uuid[]) AND role = 'clinician'
         AND deactivated_at IS NULL`,
      [this.tenants.scope.clinicId, membershipIds],
    );
    const known = new Set(found.map((row) => row.id));
    const problems = membershipIds
      .filter((id) => !known.has(id))
      .map((id) => `careTeam: ${id} is not an active clinician of this clinic`);
    if (problems.length > 0) {
      throw new AppException(
        'validation_failed',
        `Please correct the request: ${problems.join('; ')}.`,
        undefined,
        { careTeam: problems },
      );
    }
  }
}

function summaryView(row: PatientRow): PatientSummary {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    timeZone: row.time_zone,
    status: row.status,
    enrolledAt: row.enrolled_at.toISOString(),
    nextInfusionAt: row.next_infusion_at?.toISOString() ?? null,
    completedInfusions: row.completed_infusions,
    scheduledInfusions: row.scheduled_infusions,
    invitationSentAt: row.invitation_sent_at?.toISOString() ?? null,
  };
}
