import { Inject, Injectable } from '@nestjs/common';
import type { Role, SessionRevocationReason } from '@ivks/contracts';
import { AuditTrail, Session, TenantTransactions } from '@ivks/server';
import { DataSource } from 'typeorm';
import { SessionActivity } from './session-activity';

interface ActiveMembership {
  clinic_id: string;
  role: Role;
}

/** Ends sessions: in the database, and at once for every request that still carries their token. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tenants: TenantTransactions,
    private readonly activity: SessionActivity,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Ends every session the user has in this clinic, inside the current tenant transaction;
   * returns how many were still open. Their access tokens stop working once it commits.
   */
  async endAllFor(userId: string, options: { exceptFamilyId?: string } = {}): Promise<number> {
    const query = this.tenants.manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: () => 'now()' })
      .where('clinic_id = :clinicId AND user_id = :userId AND revoked_at IS NULL', {
        clinicId: this.tenants.scope.clinicId,
        userId,
      })
      .returning('family_id');
    if (options.exceptFamilyId) {
      query.andWhere('family_id <> :familyId', { familyId: options.exceptFamilyId });
    }
    const result = await query.execute();
    const rows = result.raw as { family_id: string }[];
    const families = [...new Set(rows.map((row) => row.family_id))];
    this.tenants.afterCommit(() => this.activity.end(families));

    return rows.length;
  }

  /** Ends one sign-in: every token its rotations made. */
  async endFamily(familyId: string): Promise<void> {
    await this.tenants.manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: () => 'now()' })
      .where('clinic_id = :clinicId AND family_id = :familyId AND revoked_at IS NULL', {
        clinicId: this.tenants.scope.clinicId,
        familyId,
      })
      .execute();
    this.tenants.afterCommit(() => this.activity.end([familyId]));
  }

  /**
   * Ends the user's sessions in every clinic they belong to, each clinic in a unit of work of its
   * own, and records it in each trail. Runs outside any open unit: a password belongs to the
   * user, not to one clinic.
   */
  async endEverywhere(
    userId: string,
    reason: SessionRevocationReason,
    options: { exceptFamilyId?: string; actor: 'user' | 'system' },
  ): Promise<void> {
    const memberships = await this.dataSource.query<ActiveMembership[]>(
      'SELECT clinic_id, role FROM auth_user_memberships($1)',
      [userId],
    );
    for (const membership of memberships) {
      // The trail takes the portal as actor only in a unit that has no role of its own.
      const role = options.actor === 'user' ? membership.role : null;
      await this.tenants.run({ clinicId: membership.clinic_id, userId, role }, async () => {
        await this.endAllFor(userId, options);
        await this.audit.record({
          action: 'auth.sessions_revoked',
          subject: { type: 'user', id: userId },
          actor:
            options.actor === 'user'
              ? { userId, role: membership.role }
              : { userId: null, role: 'system' },
          details: { reason },
        });
      });
    }
  }
}
