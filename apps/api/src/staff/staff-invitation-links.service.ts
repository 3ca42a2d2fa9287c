import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  AcceptedStaffInvitation,
  InvitableRole,
  StaffInvitationPreview,
  StaffInvitationStatus,
} from '@ivks/contracts';
import { APP_CONFIG, type AppConfig, AuditTrail, Mailer, TenantTransactions } from '@ivks/server';
import { DataSource } from 'typeorm';
import { passwordProblem } from '../auth/password-policy';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { AppException } from '../common/app.exception';
import { RateLimits } from '../common/rate-limit';
import {
  decodeSecretToken,
  encodeSecretToken,
  hashSecret,
  newSecret,
  type SecretToken,
} from '../common/secret-token';
import { invitationEmail, invitationExpiry } from './invitation-email';

const NOT_FOUND =
  'This invitation link does not work. It may have been replaced by a newer one: use the link ' +
  'in the latest email, or ask your clinic to invite you again.';

const CLOSED: Record<Exclude<StaffInvitationStatus, 'pending'>, string> = {
  expired: 'This invitation has expired. Ask for a fresh link and we will email it to you.',
  accepted: 'This invitation has already been accepted. Please sign in.',
  revoked:
    'This invitation was withdrawn by the clinic. Please contact them if this is a surprise.',
};

export const FRESH_LINK_MESSAGE =
  'If the invitation can be renewed, a fresh link is on its way to the invited email address.';

interface OpenRow {
  clinic_id: string;
  clinic_name: string;
  email: string;
  display_name: string;
  role: InvitableRole;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  has_password: boolean;
}

interface AcceptRow {
  outcome:
    | 'accepted'
    | 'invalid'
    | 'revoked'
    | 'expired'
    | 'password_required'
    | 'account_changed'
    | 'already_member';
  user_id: string | null;
}

interface RenewRow {
  clinic_id: string;
  clinic_name: string;
  email: string;
  display_name: string;
  role: InvitableRole;
}

/** What the invited person does with the link, before they can sign in. */
@Injectable()
export class StaffInvitationLinksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tenants: TenantTransactions,
    private readonly mailer: Mailer,
    private readonly audit: AuditTrail,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(token: string): Promise<StaffInvitationPreview> {
    const { row } = await this.open(token);

    return {
      clinicName: row.clinic_name,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      status: statusOf(row),
      needsPassword: !row.has_password,
    };
  }

  async accept(token: string, password: string, address: string): Promise<AcceptedStaffInvitation> {
    try {
      return await this.acceptOnce(token, password);
    } catch (error) {
      if (
        error instanceof AppException &&
        (error.code === 'staff_invitation_not_found' || error.code === 'invalid_credentials')
      ) {
        await this.limits.fail('invitation_accept', { address });
      }
      throw error;
    }
  }

  /**
   * Always the same answer, so it tells nobody whether the link was renewable. The portal itself
   * (`system`) sends the fresh link, to the invited address only.
   */
  async fresh(token: string): Promise<{ message: string }> {
    const decoded = decodeSecretToken(token);
    if (!decoded) {
      return { message: FRESH_LINK_MESSAGE };
    }
    const secret = newSecret();
    const [renewed] = await this.dataSource.query<RenewRow[]>(
      `SELECT clinic_id, clinic_name, email, display_name, role
       FROM staff_invitation_renew($1, $2, $3, $4)`,
      [decoded.id, hashSecret(decoded.secret), hashSecret(secret), invitationExpiry()],
    );
    if (renewed) {
      await this.tenants.run(
        { clinicId: renewed.clinic_id, userId: null, role: 'system' },
        async () => {
          await this.mailer.send(
            invitationEmail(this.config, {
              to: renewed.email,
              displayName: renewed.display_name,
              role: renewed.role,
              clinicName: renewed.clinic_name,
              inviterName: null,
              token: encodeSecretToken({ id: decoded.id, secret }),
            }),
          );
          await this.audit.record({
            action: 'staff.invitation_resent',
            subject: { type: 'staff_invitation', id: decoded.id },
            details: {},
          });
        },
      );
    }

    return { message: FRESH_LINK_MESSAGE };
  }

  private async acceptOnce(token: string, password: string): Promise<AcceptedStaffInvitation> {
    const { row, decoded } = await this.open(token);
    const status = statusOf(row);
    if (status !== 'pending') {
      throw new AppException('staff_invitation_closed', CLOSED[status], { status });
    }

    const [account] = await this.dataSource.query<
      { user_id: string; password_hash: string | null }[]
    >('SELECT user_id, password_hash FROM auth_find_user($1)', [row.email]);
    let userId: string;
    let passwordHash: string | null;
    if (account?.password_hash) {
      if (!(await verifyPassword(account.password_hash, password))) {
        throw new AppException(
          'invalid_credentials',
          `This email already has an account: enter its current password to join ${row.clinic_name}.`,
          undefined,
          { password: ['is not the current password of this account'] },
        );
      }
      userId = account.user_id;
      passwordHash = null;
    } else {
      const problem = passwordProblem(password);
      if (problem) {
        throw new AppException(
          'validation_failed',
          `Choose another password: it ${problem}.`,
          undefined,
          { password: [`password ${problem}`] },
        );
      }
      userId = account?.user_id ?? randomUUID();
      passwordHash = await hashPassword(password);
    }

    const scope = { clinicId: row.clinic_id, userId, role: row.role };

    return this.tenants.run(scope, async (manager) => {
      const [accepted] = await manager.query<AcceptRow[]>(
        'SELECT outcome, user_id FROM staff_invitation_accept($1, $2, $3, $4, $5)',
        [decoded.id, hashSecret(decoded.secret), userId, passwordHash, randomUUID()],
      );
      switch (accepted?.outcome) {
        case 'accepted':
          if (!accepted.user_id) {
            throw new AppException('staff_invitation_closed', CLOSED.accepted, {
              status: 'accepted',
            });
          }
          break;
        case 'revoked':
        case 'expired':
          throw new AppException('staff_invitation_closed', CLOSED[accepted.outcome], {
            status: accepted.outcome,
          });
        case 'already_member':
          throw new AppException(
            'staff_already_member',
            `You are already a member of ${row.clinic_name}. Please sign in.`,
          );
        case 'password_required':
        case 'account_changed':
          throw new AppException(
            'staff_invitation_closed',
            'Your account changed while you were accepting. Please open the link again.',
          );
        case 'invalid':
        case undefined:
          throw new AppException('staff_invitation_not_found', NOT_FOUND);
      }
      await this.audit.record({
        action: 'staff.invitation_accepted',
        subject: { type: 'user', id: userId },
        details: { invitationId: decoded.id, role: row.role },
      });

      return { clinicId: row.clinic_id, email: row.email };
    });
  }

  private async open(token: string): Promise<{ row: OpenRow; decoded: SecretToken }> {
    const decoded = decodeSecretToken(token);
    const [row] = decoded
      ? await this.dataSource.query<OpenRow[]>(
          `SELECT clinic_id, clinic_name, email, display_name, role, expires_at, accepted_at,
                  revoked_at, has_password
           FROM staff_invitation_open($1, $2)`,
          [decoded.id, hashSecret(decoded.secret)],
        )
      : [];
    if (!decoded || !row) {
      throw new AppException('staff_invitation_not_found', NOT_FOUND);
    }

    return { row, decoded };
  }
}

function statusOf(row: OpenRow): StaffInvitationStatus {
  if (row.accepted_at) {
    return 'accepted';
  }
  if (row.revoked_at) {
    return 'revoked';
  }

  return row.expires_at.getTime() <= Date.now() ? 'expired' : 'pending';
}
