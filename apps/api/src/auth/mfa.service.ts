import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MfaStatus, RecoveryCodes, TotpEnrolment } from '@ivks/contracts';
import { AuditTrail, Clinic, ClinicEncryption, TenantTransactions, User } from '@ivks/server';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/app.exception';
import type { AuthUser } from './auth-user';
import { Clock } from './clock';
import { SecurityNotices } from './security-notices';
import {
  acceptedTimeStep,
  hashRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  otpauthUri,
  RECOVERY_CODE_COUNT,
} from './totp';

interface TotpRow {
  secret_ciphertext: Buffer;
  key_version: number;
  confirmed_at: Date | null;
  last_time_step: string | null;
}

/** The membership whose second factor is checked. */
export interface MfaIdentity {
  clinicId: string;
  membershipId: string;
}

export type SecondFactor = { code: string } | { recoveryCode: string };

/** The rows an UPDATE ... RETURNING gave back; TypeORM answers such a query with [rows, count]. */
async function updateReturning<Row>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<Row[]> {
  const [rows] = await manager.query<[Row[], number]>(sql, parameters);

  return rows;
}

const WRONG_CODE =
  'That code is not right, or it has been used already. Enter the 6-digit code your authenticator app shows now; if you have just used one, wait for the next.';

/**
 * A staff member's authenticator app (TOTP) and recovery codes, per membership. The secret is
 * sealed with the clinic's data key and never leaves the API except once, at enrolment.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly encryption: ClinicEncryption,
    private readonly audit: AuditTrail,
    private readonly notices: SecurityNotices,
    private readonly clock: Clock,
  ) {}

  async status(user: AuthUser): Promise<MfaStatus> {
    const row = await this.totpOf(this.tenants.manager, user);
    const clinic = await this.tenants.manager.findOneByOrFail(Clinic, { id: user.clinicId });
    const [left] = await this.tenants.manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM staff_recovery_codes
       WHERE clinic_id = $1 AND membership_id = $2 AND used_at IS NULL`,
      [user.clinicId, user.membershipId],
    );

    return {
      totpEnabled: Boolean(row?.confirmed_at),
      recoveryCodesLeft: row?.confirmed_at ? (left?.count ?? 0) : 0,
      requiredByClinic: clinic.mfaRequired,
    };
  }

  /** Starts (or starts again) an enrolment; it counts only once a code confirms it. */
  async start(user: AuthUser): Promise<TotpEnrolment> {
    const manager = this.tenants.manager;
    const existing = await this.totpOf(manager, user);
    if (existing?.confirmed_at) {
      throw new AppException(
        'mfa_already_enabled',
        'An authenticator app is already set up. Turn it off first to set up another.',
      );
    }
    if (existing) {
      await manager.query('DELETE FROM staff_totp WHERE clinic_id = $1 AND membership_id = $2', [
        user.clinicId,
        user.membershipId,
      ]);
    }
    const secret = newTotpSecret();
    const sealed = await this.encryption.encrypt(
      { kind: 'staff_totp', id: user.membershipId },
      secret,
    );
    await manager.query(
      `INSERT INTO staff_totp (clinic_id, membership_id, user_id, secret_ciphertext, key_version)
       VALUES ($1, $2, $3, $4, $5)`,
      [user.clinicId, user.membershipId, user.userId, sealed.ciphertext, sealed.keyVersion],
    );
    const account = await manager.findOneByOrFail(User, { id: user.userId });

    return { secret, otpauthUri: otpauthUri(secret, account.email) };
  }

  /** Confirms the enrolment with a first code and hands out the recovery codes, once. */
  async confirm(user: AuthUser, code: string): Promise<RecoveryCodes> {
    const manager = this.tenants.manager;
    const row = await this.totpOf(manager, user);
    if (!row || row.confirmed_at) {
      throw new AppException(
        row ? 'mfa_already_enabled' : 'mfa_not_enabled',
        row
          ? 'Your authenticator app is already set up.'
          : 'Start setting up an authenticator app first, then enter its code.',
      );
    }
    const step = await acceptedTimeStep(
      await this.secretOf(user, row),
      code,
      null,
      this.clock.now(),
    );
    if (step === null) {
      throw new AppException('mfa_code_invalid', WRONG_CODE, undefined, { code: [WRONG_CODE] });
    }
    await manager.query(
      `UPDATE staff_totp SET confirmed_at = now(), last_time_step = $3
       WHERE clinic_id = $1 AND membership_id = $2`,
      [user.clinicId, user.membershipId, step],
    );
    const recoveryCodes = await this.replaceRecoveryCodes(manager, user);
    await this.afterChange(user, 'mfa_enabled');

    return { recoveryCodes };
  }

  /** Turns the second factor off, which a clinic that requires it does not allow. */
  async disable(user: AuthUser, code: string): Promise<void> {
    const manager = this.tenants.manager;
    const clinic = await manager.findOneByOrFail(Clinic, { id: user.clinicId });
    if (clinic.mfaRequired) {
      throw new AppException(
        'mfa_required_by_clinic',
        'Your clinic requires an authenticator app for every staff member, so it cannot be turned off.',
      );
    }
    const row = await this.totpOf(manager, user);
    if (!row?.confirmed_at) {
      throw new AppException('mfa_not_enabled', 'No authenticator app is set up for your account.');
    }
    if (!(await this.consumeCode(manager, user, row, code))) {
      throw new AppException('mfa_code_invalid', WRONG_CODE, undefined, { code: [WRONG_CODE] });
    }
    await manager.query(
      'DELETE FROM staff_recovery_codes WHERE clinic_id = $1 AND membership_id = $2',
      [user.clinicId, user.membershipId],
    );
    await manager.query('DELETE FROM staff_totp WHERE clinic_id = $1 AND membership_id = $2', [
      user.clinicId,
      user.membershipId,
    ]);
    await this.afterChange(user, 'mfa_disabled');
  }

  /** Whether the membership signs in with a second factor. */
  async isEnrolled(manager: EntityManager, identity: MfaIdentity): Promise<boolean> {
    return Boolean((await this.totpOf(manager, identity))?.confirmed_at);
  }

  /**
   * Checks the second step of a sign-in inside the clinic's unit of work, spending the code or
   * recovery code it accepts. Answers what was used, or null when nothing fits.
   */
  async verifyForSignIn(
    manager: EntityManager,
    identity: MfaIdentity & { userId: string },
    factor: SecondFactor,
  ): Promise<'code' | { recoveryCodesLeft: number } | null> {
    const row = await this.totpOf(manager, identity);
    if (!row?.confirmed_at) {
      return null;
    }
    if ('code' in factor) {
      return (await this.consumeCode(manager, identity, row, factor.code)) ? 'code' : null;
    }
    const [spent] = await updateReturning<{ id: string }>(
      manager,
      `UPDATE staff_recovery_codes SET used_at = now()
       WHERE clinic_id = $1 AND membership_id = $2 AND code_hash = $3 AND used_at IS NULL
       RETURNING id`,
      [identity.clinicId, identity.membershipId, hashRecoveryCode(factor.recoveryCode)],
    );
    if (!spent) {
      return null;
    }
    const [left] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM staff_recovery_codes
       WHERE clinic_id = $1 AND membership_id = $2 AND used_at IS NULL`,
      [identity.clinicId, identity.membershipId],
    );

    return { recoveryCodesLeft: left?.count ?? 0 };
  }

  /** Accepts a code newer than the last one accepted, and remembers its time step. */
  private async consumeCode(
    manager: EntityManager,
    identity: MfaIdentity & { userId: string },
    row: TotpRow,
    code: string,
  ): Promise<boolean> {
    const lastStep = row.last_time_step === null ? null : Number(row.last_time_step);
    const step = await acceptedTimeStep(
      await this.secretOf(identity, row),
      code,
      lastStep,
      this.clock.now(),
    );
    if (step === null) {
      return false;
    }
    // Two requests with the same code race here; the condition lets only one through.
    const [updated] = await updateReturning<{ membership_id: string }>(
      manager,
      `UPDATE staff_totp SET last_time_step = $3
       WHERE clinic_id = $1 AND membership_id = $2
         AND (last_time_step IS NULL OR last_time_step < $3)
       RETURNING membership_id`,
      [identity.clinicId, identity.membershipId, step],
    );

    return updated !== undefined;
  }

  private async replaceRecoveryCodes(manager: EntityManager, user: AuthUser): Promise<string[]> {
    await manager.query(
      'DELETE FROM staff_recovery_codes WHERE clinic_id = $1 AND membership_id = $2',
      [user.clinicId, user.membershipId],
    );
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    for (const code of codes) {
      await manager.query(
        `INSERT INTO staff_recovery_codes (clinic_id, membership_id, id, user_id, code_hash)
         VALUES ($1, $2, $3, $4, $5)`,
        [user.clinicId, user.membershipId, randomUUID(), user.userId, hashRecoveryCode(code)],
      );
    }

    return codes;
  }

  private async afterChange(user: AuthUser, change: 'mfa_enabled' | 'mfa_disabled') {
    const account = await this.tenants.manager.findOneByOrFail(User, { id: user.userId });
    await this.notices.send(account.email, user.role, change);
    await this.audit.record({
      action: change === 'mfa_enabled' ? 'auth.mfa_enabled' : 'auth.mfa_disabled',
      subject: { type: 'user', id: user.userId },
      details: { method: 'totp' },
    });
  }

  private secretOf(identity: MfaIdentity, row: TotpRow): Promise<string> {
    return this.encryption.decrypt(
      { kind: 'staff_totp', id: identity.membershipId },
      { ciphertext: row.secret_ciphertext, keyVersion: row.key_version },
    );
  }

  private async totpOf(manager: EntityManager, identity: MfaIdentity): Promise<TotpRow | null> {
    const [row] = await manager.query<TotpRow[]>(
      `SELECT secret_ciphertext, key_version, confirmed_at, last_time_step FROM staff_totp
       WHERE clinic_id = $1 AND membership_id = $2`,
      [identity.clinicId, identity.membershipId],
    );

    return row ?? null;
  }
}
