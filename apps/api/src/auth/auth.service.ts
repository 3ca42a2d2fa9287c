import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Me, Role, SessionResponse, SignInFailureReason } from '@ivks/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  AuditTrail,
  Clinic,
  Membership,
  Patient,
  Session,
  TenantTransactions,
  User,
} from '@ivks/server';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AppException } from '../common/app.exception';
import type { AccessTokenClaims, AuthUser } from './auth-user';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import { hashSecret, newSecret, secretMatches } from '../common/secret-token';
import { decodeRefreshToken, encodeRefreshToken, type RefreshToken } from './refresh-token';

/** A presentation of an already-rotated token this soon after its rotation is a second tab, not a thief. */
const ROTATION_GRACE_MS = 10_000;

export interface IssuedSession {
  session: SessionResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

interface MembershipChoice {
  clinic_id: string;
  clinic_name: string;
  membership_id: string;
  role: Role;
}

const INVALID_CREDENTIALS = 'The email or password is not right. Check them and try again.';

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tenants: TenantTransactions,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly logger: PinoLogger,
  ) {}

  async signIn(email: string, password: string, clinicId?: string): Promise<IssuedSession> {
    const [account] = await this.dataSource.query<
      { user_id: string; password_hash: string | null }[]
    >('SELECT user_id, password_hash FROM auth_find_user($1)', [email]);
    const passwordOk = account?.password_hash
      ? await verifyPassword(account.password_hash, password)
      : await verifyAgainstDecoy(password);
    if (!account || !passwordOk) {
      if (account) {
        this.recordFailedSignIn(account.user_id, 'wrong_password');
      }
      throw new AppException('invalid_credentials', INVALID_CREDENTIALS);
    }

    const memberships = await this.membershipsOf(account.user_id);
    const chosen = clinicId
      ? memberships.find((membership) => membership.clinic_id === clinicId)
      : memberships.length === 1
        ? memberships[0]
        : undefined;
    if (!chosen && memberships.length > 1 && !clinicId) {
      throw new AppException('clinic_required', 'Choose which clinic to sign in to.', {
        clinics: memberships.map((membership) => ({
          id: membership.clinic_id,
          name: membership.clinic_name,
        })),
      });
    }
    if (!chosen) {
      this.recordFailedSignIn(account.user_id, 'not_a_member');
      throw new AppException('invalid_credentials', INVALID_CREDENTIALS);
    }

    const scope = { clinicId: chosen.clinic_id, userId: account.user_id, role: chosen.role };

    return this.tenants.run(scope, async (manager) => {
      const issued = await this.startSession(manager, {
        clinicId: chosen.clinic_id,
        userId: account.user_id,
        membershipId: chosen.membership_id,
        role: chosen.role,
        familyId: randomUUID(),
      });
      await this.audit.record({
        action: 'auth.signed_in',
        subject: { type: 'user', id: account.user_id },
        details: {},
      });

      return issued;
    });
  }

  async refresh(cookie: string | undefined): Promise<IssuedSession> {
    const token = decodeRefreshToken(cookie);
    if (!token) {
      throw new AppException('unauthenticated', 'Your session has ended. Please sign in again.');
    }
    const scope = { clinicId: token.clinicId, userId: token.userId, role: null };
    const outcome = await this.tenants.run(scope, (manager) => this.rotate(manager, token));
    if (!outcome) {
      throw new AppException('unauthenticated', 'Your session has ended. Please sign in again.');
    }

    return outcome;
  }

  async signOut(cookie: string | undefined): Promise<void> {
    const token = decodeRefreshToken(cookie);
    if (!token) {
      return;
    }
    const scope = { clinicId: token.clinicId, userId: token.userId, role: null };
    await this.tenants.run(scope, async (manager) => {
      const session = await manager.findOneBy(Session, {
        clinicId: token.clinicId,
        id: token.sessionId,
      });
      if (!session || !secretMatches(token.secret, session.tokenHash)) {
        return;
      }
      await this.revokeFamily(manager, session.familyId);
      if (!session.revokedAt) {
        const membership = await manager.findOneBy(Membership, {
          clinicId: session.clinicId,
          id: session.membershipId,
        });
        await this.audit.record({
          action: 'auth.signed_out',
          subject: { type: 'user', id: session.userId },
          actor: { userId: session.userId, role: membership?.role ?? null },
          details: {},
        });
      }
    });
  }

  async me(user: AuthUser): Promise<Me> {
    const manager = this.tenants.manager;
    const account = await manager.findOneByOrFail(User, { id: user.userId });
    const membership = await manager.findOneByOrFail(Membership, {
      clinicId: user.clinicId,
      id: user.membershipId,
    });
    const clinic = await manager.findOneByOrFail(Clinic, { id: user.clinicId });
    const patient =
      user.role === 'patient'
        ? await manager.findOneBy(Patient, { clinicId: user.clinicId, userId: user.userId })
        : null;

    return {
      userId: account.id,
      email: account.email,
      displayName: membership.displayName,
      role: membership.role,
      clinic: { id: clinic.id, name: clinic.name, timeZone: clinic.timeZone, phone: clinic.phone },
      patientId: patient?.id ?? null,
    };
  }

  private async rotate(manager: EntityManager, token: RefreshToken): Promise<IssuedSession | null> {
    const session = await manager.findOneBy(Session, {
      clinicId: token.clinicId,
      id: token.sessionId,
    });
    if (!session || !secretMatches(token.secret, session.tokenHash)) {
      return null;
    }
    const now = Date.now();
    if (session.revokedAt || session.expiresAt.getTime() <= now) {
      return null;
    }
    if (session.rotatedAt && now - session.rotatedAt.getTime() > ROTATION_GRACE_MS) {
      await this.revokeFamily(manager, session.familyId);
      // Whoever presented the spent token may not be its owner, so the portal is the actor.
      await this.audit.record({
        action: 'auth.sessions_revoked',
        subject: { type: 'user', id: session.userId },
        actor: { userId: null, role: 'system' },
        details: { reason: 'refresh_token_reused' },
      });

      return null;
    }
    const membership = await manager.findOneBy(Membership, {
      clinicId: session.clinicId,
      id: session.membershipId,
      deactivatedAt: IsNull(),
    });
    if (!membership) {
      return null;
    }
    if (!session.rotatedAt) {
      await manager.update(
        Session,
        { clinicId: session.clinicId, id: session.id },
        { rotatedAt: new Date(now) },
      );
    }

    return this.startSession(manager, {
      clinicId: session.clinicId,
      userId: session.userId,
      membershipId: session.membershipId,
      role: membership.role,
      familyId: session.familyId,
    });
  }

  private membershipsOf(userId: string): Promise<MembershipChoice[]> {
    return this.dataSource.query<MembershipChoice[]>(
      'SELECT clinic_id, clinic_name, membership_id, role FROM auth_user_memberships($1)',
      [userId],
    );
  }

  /**
   * Records a failed sign-in of a real account in each clinic it belongs to. The answer does not
   * wait for it: a wrong password would otherwise take longer than an unknown email, and so tell
   * a stranger which emails have an account.
   */
  private recordFailedSignIn(userId: string, reason: SignInFailureReason): void {
    const write = async () => {
      for (const membership of await this.membershipsOf(userId)) {
        await this.audit.recordIn(
          { clinicId: membership.clinic_id, userId: null, role: null },
          {
            action: 'auth.sign_in_failed',
            subject: { type: 'user', id: userId },
            details: { reason },
          },
        );
      }
    };
    write().catch((error: unknown) => {
      this.logger.error({ err: error, userId }, 'could not record a failed sign-in');
    });
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(Session, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async startSession(
    manager: EntityManager,
    identity: {
      clinicId: string;
      userId: string;
      membershipId: string;
      role: Role;
      familyId: string;
    },
  ): Promise<IssuedSession> {
    const secret = newSecret();
    const sessionId = randomUUID();
    const refreshExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_HOURS * 3_600_000);
    await manager.insert(Session, {
      clinicId: identity.clinicId,
      id: sessionId,
      membershipId: identity.membershipId,
      userId: identity.userId,
      familyId: identity.familyId,
      tokenHash: hashSecret(secret),
      expiresAt: refreshExpiresAt,
    });
    const claims: AccessTokenClaims = {
      sub: identity.userId,
      cid: identity.clinicId,
      mid: identity.membershipId,
      sid: sessionId,
      role: identity.role,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      algorithm: 'HS256',
    });

    return {
      session: { accessToken, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS },
      refreshToken: encodeRefreshToken({
        clinicId: identity.clinicId,
        userId: identity.userId,
        sessionId,
        secret,
      }),
      refreshExpiresAt,
    };
  }
}
