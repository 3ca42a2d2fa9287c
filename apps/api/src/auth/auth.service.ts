import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type {
  MfaChallengeResponse,
  Me,
  Role,
  SessionResponse,
  SignInFailureReason,
} from '@ivks/contracts';
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
import { RateLimits } from '../common/rate-limit';
import { hashSecret, newSecret, secretMatches } from '../common/secret-token';
import type { AccessTokenClaims, AuthUser } from './auth-user';
import { Clock } from './clock';
import { type MfaChallenge, MfaChallenges } from './mfa-challenges';
import { MfaService, type SecondFactor } from './mfa.service';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './passwords';
import { decodeRefreshToken, encodeRefreshToken, type RefreshToken } from './refresh-token';
import { SessionActivity } from './session-activity';
import { sessionLimitsFor } from './session-limits';
import { SessionsService } from './sessions.service';

/** A presentation of an already-rotated token this soon after its rotation is a second tab, not a thief. */
const ROTATION_GRACE_MS = 10_000;

export interface IssuedSession {
  session: SessionResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export type SignInOutcome =
  { kind: 'session'; issued: IssuedSession } | { kind: 'mfa'; challenge: MfaChallengeResponse };

interface MembershipChoice {
  clinic_id: string;
  clinic_name: string;
  membership_id: string;
  role: Role;
}

interface SessionIdentity {
  clinicId: string;
  userId: string;
  membershipId: string;
  role: Role;
  familyId: string;
}

const INVALID_CREDENTIALS = 'The email or password is not right. Check them and try again.';
const WRONG_SECOND_FACTOR =
  'That code is not right, or it has been used already. Enter the code your authenticator app shows now (wait for the next one if you have just used it), or a recovery code.';
const SIGN_IN_EXPIRED = 'This sign-in has expired. Please sign in again.';
const SESSION_ENDED = 'Your session has ended. Please sign in again.';

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tenants: TenantTransactions,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly logger: PinoLogger,
    private readonly limits: RateLimits,
    private readonly activity: SessionActivity,
    private readonly sessions: SessionsService,
    private readonly challenges: MfaChallenges,
    private readonly mfa: MfaService,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the password. A staff member with an authenticator app gets a challenge to answer at
   * `completeMfa`; everyone else gets a session. Each failure counts toward the throttle of the
   * address and of the email, known or not, so the throttle does not tell which emails exist.
   */
  async signIn(
    email: string,
    password: string,
    clinicId: string | undefined,
    address: string,
  ): Promise<SignInOutcome> {
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
      await this.limits.fail('sign_in', { address, account: email });
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
      await this.limits.fail('sign_in', { address, account: email });
      throw new AppException('invalid_credentials', INVALID_CREDENTIALS);
    }

    const identity = {
      clinicId: chosen.clinic_id,
      userId: account.user_id,
      membershipId: chosen.membership_id,
      role: chosen.role,
    };
    const scope = { clinicId: identity.clinicId, userId: identity.userId, role: identity.role };
    const storedHash = account.password_hash ?? '';

    return this.tenants.run(scope, async (manager): Promise<SignInOutcome> => {
      if (needsRehash(storedHash)) {
        await manager.query(
          'UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1',
          [identity.userId, await hashPassword(password)],
        );
      }
      if (identity.role !== 'patient' && (await this.mfa.isEnrolled(manager, identity))) {
        const mfaToken = await this.challenges.issue({ ...identity, email });

        return { kind: 'mfa', challenge: { mfaRequired: true, mfaToken } };
      }
      const issued = await this.startSession(manager, { ...identity, familyId: randomUUID() });
      await this.audit.record({
        action: 'auth.signed_in',
        subject: { type: 'user', id: identity.userId },
        details: {},
      });

      return { kind: 'session', issued };
    });
  }

  /** The second step of a staff sign-in: a code from the authenticator app, or a recovery code. */
  async completeMfa(
    mfaToken: string,
    factor: SecondFactor,
    address: string,
  ): Promise<IssuedSession> {
    const challenge = await this.challenges.find(mfaToken);
    if (!challenge) {
      throw new AppException('unauthenticated', SIGN_IN_EXPIRED);
    }
    const keys = { address, account: challenge.email };
    const release = await this.limits.reserve('sign_in', keys);
    try {
      const issued = await this.answerChallenge(challenge, factor);
      if (!issued) {
        await this.limits.fail('sign_in', keys);
        throw new AppException('invalid_credentials', WRONG_SECOND_FACTOR);
      }

      return issued;
    } finally {
      await release();
    }
  }

  /** A session for a right second factor, or null for a wrong one. */
  private answerChallenge(
    challenge: MfaChallenge & { id: string },
    factor: SecondFactor,
  ): Promise<IssuedSession | null> {
    const scope = { clinicId: challenge.clinicId, userId: challenge.userId, role: challenge.role };
    return this.tenants.run(scope, async (manager) => {
      const accepted = await this.mfa.verifyForSignIn(manager, challenge, factor);
      if (!accepted) {
        return null;
      }
      if (!(await this.challenges.spend(challenge.id))) {
        throw new AppException('unauthenticated', SIGN_IN_EXPIRED);
      }
      const session = await this.startSession(manager, { ...challenge, familyId: randomUUID() });
      if (accepted !== 'code') {
        await this.audit.record({
          action: 'auth.recovery_code_used',
          subject: { type: 'user', id: challenge.userId },
          details: { remaining: accepted.recoveryCodesLeft },
        });
      }
      await this.audit.record({
        action: 'auth.signed_in',
        subject: { type: 'user', id: challenge.userId },
        details: {},
      });

      return session;
    });
  }

  async refresh(cookie: string | undefined): Promise<IssuedSession> {
    const token = decodeRefreshToken(cookie);
    if (!token) {
      throw new AppException('unauthenticated', SESSION_ENDED);
    }
    const scope = { clinicId: token.clinicId, userId: token.userId, role: null };
    const outcome = await this.tenants.run(scope, (manager) => this.rotate(manager, token));
    if (!outcome) {
      throw new AppException('unauthenticated', SESSION_ENDED);
    }

    return outcome;
  }

  /**
   * Ends the sign-in of the refresh cookie, and that of the access token, so that a client
   * holding only one of them signs out all the same. A token that is no longer good is already
   * signed out.
   */
  async signOut(cookie: string | undefined, accessToken: string | undefined): Promise<void> {
    const token = decodeRefreshToken(cookie);
    if (token) {
      await this.endSignInOf(token);
    }
    const claims = accessToken ? this.claimsOf(accessToken) : null;
    if (claims) {
      await this.endSignInOfAccessToken(claims);
    }
  }

  private async endSignInOf(token: RefreshToken): Promise<void> {
    const scope = { clinicId: token.clinicId, userId: token.userId, role: null };
    await this.tenants.run(scope, async (manager) => {
      const session = await manager.findOneBy(Session, {
        clinicId: token.clinicId,
        id: token.sessionId,
      });
      if (!session || !secretMatches(token.secret, session.tokenHash)) {
        return;
      }
      await this.sessions.endFamily(session.familyId);
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

  private async endSignInOfAccessToken(claims: AccessTokenClaims): Promise<void> {
    const scope = { clinicId: claims.cid, userId: claims.sub, role: claims.role };
    await this.tenants.run(scope, async () => {
      if (!(await this.activity.isAlive(claims.fid, this.clock.now()))) {
        return;
      }
      await this.sessions.endFamily(claims.fid);
      await this.audit.record({
        action: 'auth.signed_out',
        subject: { type: 'user', id: claims.sub },
        details: {},
      });
    });
  }

  private claimsOf(accessToken: string): AccessTokenClaims | null {
    try {
      return this.jwt.verify<AccessTokenClaims>(accessToken, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
  }

  /** Ends every session of the user, this one included, in every clinic, once this unit commits. */
  signOutEverywhere(user: AuthUser): void {
    this.tenants.afterCommit(() =>
      this.sessions.endEverywhere(user.userId, 'signed_out_everywhere', { actor: 'user' }),
    );
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
    const now = this.clock.now();
    if (session.revokedAt || session.expiresAt.getTime() <= now) {
      return null;
    }
    if (session.rotatedAt && now - session.rotatedAt.getTime() > ROTATION_GRACE_MS) {
      await this.sessions.endFamily(session.familyId);
      // Whoever presented the spent token may not be its owner, so the portal is the actor.
      await this.audit.record({
        action: 'auth.sessions_revoked',
        subject: { type: 'user', id: session.userId },
        actor: { userId: null, role: 'system' },
        details: { reason: 'refresh_token_reused' },
      });

      return null;
    }
    if (!(await this.activity.isAlive(session.familyId, now))) {
      await this.sessions.endFamily(session.familyId);

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

  /** Whether the clinic requires a second factor this staff member has not confirmed yet. */
  private async enrolmentPending(
    manager: EntityManager,
    identity: SessionIdentity,
  ): Promise<boolean> {
    if (identity.role === 'patient') {
      return false;
    }
    const clinic = await manager.findOneByOrFail(Clinic, { id: identity.clinicId });

    return clinic.mfaRequired && !(await this.mfa.isEnrolled(manager, identity));
  }

  /**
   * Issues a refresh token and an access token. A new family is a new sign-in, whose idle and
   * absolute limits start now; a rotation carries on its family's limits.
   */
  private async startSession(
    manager: EntityManager,
    identity: SessionIdentity,
  ): Promise<IssuedSession> {
    const secret = newSecret();
    const sessionId = randomUUID();
    const now = this.clock.now();
    const refreshExpiresAt = new Date(now + this.config.REFRESH_TOKEN_TTL_HOURS * 3_600_000);
    const isNewSignIn = !(await manager.existsBy(Session, {
      clinicId: identity.clinicId,
      familyId: identity.familyId,
    }));
    await manager.insert(Session, {
      clinicId: identity.clinicId,
      id: sessionId,
      membershipId: identity.membershipId,
      userId: identity.userId,
      familyId: identity.familyId,
      tokenHash: hashSecret(secret),
      expiresAt: refreshExpiresAt,
    });
    if (isNewSignIn) {
      await this.activity.start(identity.familyId, sessionLimitsFor(identity.role), now);
    }
    const enrolmentPending = await this.enrolmentPending(manager, identity);
    const claims: AccessTokenClaims = {
      sub: identity.userId,
      cid: identity.clinicId,
      mid: identity.membershipId,
      sid: sessionId,
      fid: identity.familyId,
      role: identity.role,
      ...(enrolmentPending && { mfa: 'enrol' as const }),
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      algorithm: 'HS256',
    });

    return {
      session: {
        accessToken,
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
        ...(enrolmentPending && { mfaEnrolmentRequired: true }),
      },
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
