import { Injectable } from '@nestjs/common';
import { type CareTeam, STAFF_ROLES, type StaffRole } from '@ivks/contracts';
import { Patient, TenantTransactions } from '@ivks/server';
import { AppException } from '../common/app.exception';

interface MemberRow {
  membership_id: string;
  display_name: string;
  role: StaffRole;
  created_at: Date;
}

@Injectable()
export class CareTeamsService {
  constructor(private readonly tenants: TenantTransactions) {}

  async get(patientId: string): Promise<CareTeam> {
    await this.requirePatient(patientId);
    const rows = await this.tenants.manager.query<MemberRow[]>(
      `SELECT t.membership_id, m.display_name, m.role, t.created_at
       FROM care_team_members t
       JOIN memberships m ON m.clinic_id = t.clinic_id AND m.id = t.membership_id
       WHERE t.clinic_id = $1 AND t.patient_id = $2
       ORDER BY m.display_name, t.membership_id`,
      [this.tenants.scope.clinicId, patientId],
    );

    return {
      patientId,
      members: rows.map((row) => ({
        membershipId: row.membership_id,
        name: row.display_name,
        role: row.role,
        addedAt: row.created_at.toISOString(),
      })),
    };
  }

  /**
   * Makes the team exactly these members of staff. Someone taken off it stops seeing the
   * patient's shared entries with the next request, because the database checks the team.
   */
  async set(patientId: string, membershipIds: string[]): Promise<CareTeam> {
    await this.requirePatient(patientId);
    const { clinicId } = this.tenants.scope;
    const wanted = [...new Set(membershipIds.map((id) => id.toLowerCase()))];
    const staff = await this.tenants.manager.query<{ id: string }[]>(
      `SELECT id FROM memberships
       WHERE clinic_id = $1 AND id = ANY($2::uuid[]) AND role = ANY($3::text[])
         AND deactivated_at IS NULL`,
      [clinicId, wanted, STAFF_ROLES],
    );
    const known = new Set(staff.map((row) => row.id));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const problems = unknown.map(
        (id) => `membershipIds: ${id} is not an active member of staff of this clinic`,
      );
      throw new AppException(
        'validation_failed',
        `Please correct the request: ${problems.join('; ')}.`,
        undefined,
        { membershipIds: problems },
      );
    }
    await this.refuseLeavingAsClinician(wanted);
    // Adding before removing: a clinician may change only a team they are on.
    await this.tenants.manager.query(
      `INSERT INTO care_team_members (clinic_id, patient_id, membership_id)
       SELECT $1, $2, unnest($3::uuid[])
       ON CONFLICT (clinic_id, patient_id, membership_id) DO NOTHING`,
      [clinicId, patientId, wanted],
    );
    await this.tenants.manager.query(
      `DELETE FROM care_team_members
       WHERE clinic_id = $1 AND patient_id = $2 AND NOT (membership_id = ANY($3::uuid[]))`,
      [clinicId, patientId, wanted],
    );

    return this.get(patientId);
  }

  /**
   * A clinician sees only the patients of their care teams, so one who left a team could not
   * even read the answer; an owner or admin takes a clinician off instead.
   */
  private async refuseLeavingAsClinician(wanted: string[]): Promise<void> {
    const { clinicId, userId, role } = this.tenants.scope;
    if (role !== 'clinician') {
      return;
    }
    const [own] = await this.tenants.manager.query<{ id: string }[]>(
      'SELECT id FROM memberships WHERE clinic_id = $1 AND user_id = $2',
      [clinicId, userId],
    );
    if (own && !wanted.includes(own.id)) {
      throw new AppException(
        'validation_failed',
        'Please correct the request: membershipIds must include you. Ask an owner or admin to take you off a care team.',
        undefined,
        { membershipIds: ['membershipIds must include you'] },
      );
    }
  }

  private async requirePatient(id: string): Promise<void> {
    const { clinicId } = this.tenants.scope;
    const found = await this.tenants.repository(Patient).existsBy({ clinicId, id });
    if (!found) {
      throw new AppException('patient_not_found', 'This clinic has no patient with this id.');
    }
  }
}
