import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Page, PatientDetail, PatientSortField, PatientSummary } from '@ivks/contracts';
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
  next_infusion_at: Date | null;
  completed_infusions: number;
  scheduled_infusions: number;
  total?: number;
}

/** A patient's row with its next infusion and the counts of its course. */
function summarySelect(extraColumns = ''): string {
  return `
  SELECT p.id, p.given_name, p.family_name, p.email, p.time_zone, p.phone, p.status, p.enrolled_at,
         course.next_infusion_at, course.completed_infusions, course.scheduled_infusions${extraColumns}
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

    return { ...summaryView(row), phone: row.phone, infusions: infusions.map(infusionView) };
  }

  async enrol(request: EnrolPatientDto): Promise<PatientDetail> {
    const id = randomUUID();
    try {
      await this.tenants.repository(Patient).insert({
        clinicId: this.tenants.scope.clinicId,
        id,
        givenName: request.givenName,
        familyName: request.familyName,
        email: request.email,
        timeZone: request.timeZone,
        phone: request.phone ?? null,
      });
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

    return this.get(id);
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
  };
}
