import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@ivks/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  AuditTrail,
  composeEmail,
  Mailer,
  TenantTransactions,
  User,
} from '@ivks/server';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppException } from '../common/app.exception';
import { RateLimits } from '../common/rate-limit';
import {
  decodeSecretToken,
  encodeSecretToken,
  hashSecret,
  newSecret,
  secretMatches,
} from '../common/secret-token';
import type { AuthUser } from './auth-user';
import { Clock } from './clock';
import { hashPassword, verifyPassword } from './passwords';
import { portalLink } from '../common/portal-links';
import { SecurityNotices } from './security-notices';
import { SessionsService } from './sessions.service';

/** How long a reset link works. */
export const RESET_TOKEN_TTL_MINUTES = 60;

interface ActiveMembership {
  clinic_id: string;
  role: Role;
}

interface ResetRow {
  user_id: string;
  token_hash: Buffer;
  expires_at: Date;
  used_at: Date | null;
}

const CURRENT_PASSWORD_WRONG = 'currentPassword is not your current password';
const SAME_PASSWORD = 'newPassword must differ from your current password';
const RESET_LINK_SPENT =
  'This reset link has already been used or is not valid. Ask for a new link on the "Forgot your password?" page.';
const RESET_LINK_EXPIRED =
  'This reset link has expired. Ask for a new link on the "Forgot your password?" page.';

/** The staff membership, when there is one: a staff member's reset happens in the dashboard. */
function preferredMembership(memberships: ActiveMembership[]): ActiveMembership | undefined {
  return memberships.find((membership) => membership.role !== 'patient') ?? memberships[0];
}

/** Changing a password while signed in, and resetting a forgotten one by email. */
@Injectable()
export class CredentialsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tenants: TenantTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly mailer: Mailer,
    private readonly notices: SecurityNotices,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimits,
    private readonly clock: Clock,
    private readonly logger: PinoLogger,
  ) {}

  /** Inside the request's unit of work; the user's other sessions end once it commits. */
  async changePassword(
    user: AuthUser,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<void> {
    if (newPassword === currentPassword) {
      throw new AppException(
        'validation_failed',
        `Please correct the request: ${SAME_PASSWORD}.`,
        undefined,
        { newPassword: [SAME_PASSWORD] },
      );
    }
    const manager = this.tenants.manager;
    const [row] = await manager.query<{ password_hash: string | null }[]>(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.userId],
    );
    if (!row?.password_hash || !(await verifyPassword(row.password_hash, currentPassword))) {
      await this.limits.fail('password_change', { address });
      throw new AppException(
        'current_password_wrong',
        `Please check: ${CURRENT_PASSWORD_WRONG}.`,
        undefined,
        {
          currentPassword: [CURRENT_PASSWORD_WRONG],
        },
      );
    }
    await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
      user.userId,
      await hashPassword(newPassword),
    ]);
    const account = await manager.findOneByOrFail(User, { id: user.userId });
    await this.notices.send(account.email, user.role, 'password_changed');
    await this.audit.record({
      action: 'auth.password_changed',
      subject: { type: 'user', id: user.userId },
      details: {},
    });
    this.tenants.afterCommit(() =>
      this.sessions.endEverywhere(user.userId, 'password_changed', {
        actor: 'user',
        exceptFamilyId: user.familyId,
      }),
    );
  }

  /**
   * Answers at once and does the work afterwards, so that neither the answer nor its timing
   * tells whether the email has an account.
   */
  requestReset(email: string): void {
    this.sendReset(email).catch((error: unknown) => {
      // Only the error itself: a database error carries its parameters, here the email and hash.
      const err =
        error instanceof Error
          ? { type: error.name, message: error.message, stack: error.stack }
          : { message: String(error) };
      this.logger.error({ err }, 'could not send a password reset');
    });
  }

  async confirmReset(token: string, password: string, address: string): Promise<void> {
    const decoded = decodeSecretToken(token);
    const [reset] = decoded
      ? await this.dataSource.query<ResetRow[]>(
          'SELECT user_id, token_hash, expires_at, used_at FROM auth_find_password_reset($1)',
          [decoded.id],
        )
      : [];
    if (!decoded || !reset || !secretMatches(decoded.secret, reset.token_hash)) {
      await this.limits.fail('password_reset_confirm', { address });
      throw new AppException('reset_token_used', RESET_LINK_SPENT);
    }
    if (reset.used_at) {
      throw new AppException('reset_token_used', RESET_LINK_SPENT);
    }
    if (reset.expires_at.getTime() <= this.clock.now()) {
      throw new AppException('reset_token_expired', RESET_LINK_EXPIRED);
    }
    const [used] = await this.dataSource.query<{ user_id: string | null }[]>(
      'SELECT auth_use_password_reset($1, $2) AS user_id',
      [decoded.id, await hashPassword(password)],
    );
    const userId = used?.user_id;
    if (!userId) {
      throw new AppException('reset_token_used', RESET_LINK_SPENT);
    }

    await this.sessions.endEverywhere(userId, 'password_reset', { actor: 'user' });
    const memberships = await this.membershipsOf(userId);
    const preferred = preferredMembership(memberships);
    for (const membership of memberships) {
      const scope = { clinicId: membership.clinic_id, userId, role: membership.role };
      await this.tenants.run(scope, async (manager) => {
        if (membership === preferred) {
          const account = await manager.findOneByOrFail(User, { id: userId });
          await this.limits.clearAccount('sign_in', account.email);
          await this.notices.send(account.email, membership.role, 'password_reset');
        }
        await this.audit.record({
          action: 'auth.password_reset',
          subject: { type: 'user', id: userId },
          details: {},
        });
      });
    }
  }

  private async sendReset(email: string): Promise<void> {
    const secret = newSecret();
    const resetId = randomUUID();
    const [created] = await this.dataSource.query<{ user_id: string | null }[]>(
      'SELECT auth_create_password_reset($1, $2, $3, $4::interval) AS user_id',
      [email, resetId, hashSecret(secret), `${RESET_TOKEN_TTL_MINUTES} minutes`],
    );
    const userId = created?.user_id;
    if (!userId) {
      return;
    }
    const membership = preferredMembership(await this.membershipsOf(userId));
    if (!membership) {
      return;
    }
    // Nobody is signed in: the portal sends the link, so the unit has no role of its own.
    const scope = { clinicId: membership.clinic_id, userId, role: null };
    await this.tenants.run(scope, async (manager) => {
      const account = await manager.findOneByOrFail(User, { id: userId });
      const link = portalLink(this.config, membership.role, 'reset-password', {
        token: encodeSecretToken({ id: resetId, secret }),
      });
      await this.mailer.send({
        kind: 'password_reset',
        to: account.email,
        ...composeEmail({
          subject: 'Reset your portal password',
          paragraphs: [
            'Someone asked to reset the password of your account. If it was you, choose a new password with the button below.',
            'If it was not you, you can ignore this email: your password stays as it is.',
          ],
          action: { label: 'Choose a new password', url: link },
          footnote: `The link works once, for ${RESET_TOKEN_TTL_MINUTES} minutes.`,
        }),
      });
      await this.audit.record({
        action: 'auth.password_reset_requested',
        subject: { type: 'user', id: userId },
        actor: { userId: null, role: 'system' },
        details: {},
      });
    });
  }

  private membershipsOf(userId: string): Promise<ActiveMembership[]> {
    return this.dataSource.query<ActiveMembership[]>(
      'SELECT clinic_id, role FROM auth_user_memberships($1)',
      [userId],
    );
  }
}
