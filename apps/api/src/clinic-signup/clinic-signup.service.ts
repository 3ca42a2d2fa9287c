import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ClinicSignupAccepted, VerifiedClinicSignup } from '@ivks/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  AuditTrail,
  composeEmail,
  isUniqueViolation,
  Mailer,
  TenantTransactions,
} from '@ivks/server';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { AppException } from '../common/app.exception';
import { dashboardLink } from '../common/portal-links';
import { RateLimits } from '../common/rate-limit';
import {
  decodeSecretToken,
  encodeSecretToken,
  hashSecret,
  newSecret,
} from '../common/secret-token';
import type { ClinicSignupDto } from './dto/clinic-signup.dto';

/** How long the link in a verification email works. */
export const SIGNUP_LINK_TTL_HOURS = 24;

const ACCEPTED: ClinicSignupAccepted = {
  message:
    'Thank you. Please check your email: we sent a link to finish setting up your clinic. ' +
    `It works for ${SIGNUP_LINK_TTL_HOURS} hours.`,
};

const LINK_INVALID =
  'This sign-up link does not work. It may have been replaced by a newer one: use the link in ' +
  'the latest email, or sign up again.';
const LINK_EXPIRED =
  'This sign-up link has expired. Please sign up again and we will send you a fresh link.';
const LINK_USED =
  'This sign-up link has already been used, so your clinic is ready. Please sign in.';
const ACCOUNT_EXISTS =
  'An account with this email already exists, so no new clinic was created. Please sign in.';

interface BeginRow {
  outcome: 'pending' | 'account_exists';
  clinic_id: string | null;
  signup_id: string | null;
}

interface StatusRow {
  clinic_id: string;
  status: 'pending' | 'expired' | 'completed';
}

interface CompleteRow {
  outcome: 'created' | 'invalid' | 'completed' | 'expired' | 'account_exists';
  clinic_id: string | null;
}

/**
 * A clinic signs itself up. The clinic row is made pending at once, because every email is
 * recorded in a clinic; its owner's account and membership are made only when the emailed link
 * is followed, so nobody can sign in to a clinic whose owner never proved their email.
 */
@Injectable()
export class ClinicSignupService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tenants: TenantTransactions,
    private readonly mailer: Mailer,
    private readonly audit: AuditTrail,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ClinicSignupService.name);
  }

  /**
   * Nobody is signed in, so the portal itself (`system`) queues the email, in the pending clinic
   * or, for an email that already has an account, in a clinic that account belongs to.
   */
  async signUp(request: ClinicSignupDto): Promise<ClinicSignupAccepted> {
    // Hashed whether or not the email is known, so both answers take about as long.
    const passwordHash = await hashPassword(request.password);
    const secret = newSecret();
    const begin = () =>
      this.dataSource.query<BeginRow[]>(
        `SELECT outcome, clinic_id, signup_id
         FROM clinic_signup_begin($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          request.email,
          request.clinicName,
          request.timeZone,
          request.phone,
          request.ownerName,
          passwordHash,
          hashSecret(secret),
          new Date(Date.now() + SIGNUP_LINK_TTL_HOURS * 3_600_000),
        ],
      );
    // Two sign-ups of one new email at the same moment: the one that lost the race to open it
    // replaces it instead, as a later sign-up would.
    const [begun] = await begin().catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        return begin();
      }
      throw error;
    });

    if (begun?.outcome === 'pending' && begun.clinic_id && begun.signup_id) {
      const token = encodeSecretToken({ id: begun.signup_id, secret });
      await this.tenants.run({ clinicId: begun.clinic_id, userId: null, role: 'system' }, () =>
        this.mailer.send({
          kind: 'email_verification',
          to: request.email,
          ...composeEmail({
            subject: 'Confirm your email to finish signing up',
            paragraphs: [
              `Hello ${request.ownerName},`,
              `Thank you for signing ${request.clinicName} up to IV Ketamine Support. Please ` +
                'confirm that this is your email address, and we will create your clinic’s account.',
            ],
            action: {
              label: 'Confirm my email',
              url: dashboardLink(this.config, 'verify-email', { token }),
            },
            footnote:
              `This link works for ${SIGNUP_LINK_TTL_HOURS} hours. If you did not sign up, you ` +
              'can ignore this email and nothing will be created.',
          }),
        }),
      );
    } else if (begun?.outcome === 'account_exists' && begun.clinic_id) {
      await this.tenants.run({ clinicId: begun.clinic_id, userId: null, role: 'system' }, () =>
        this.mailer.send({
          kind: 'security_notice',
          to: request.email,
          ...composeEmail({
            subject: 'Someone tried to sign up with your email',
            paragraphs: [
              'Someone, perhaps you, tried to sign a new clinic up to IV Ketamine Support with ' +
                'this email address. You already have an account, so nothing new was created.',
              'If it was you, please sign in with your existing password. If you have forgotten ' +
                'it, you can reset it from the sign-in page.',
            ],
            action: { label: 'Sign in', url: dashboardLink(this.config, 'login') },
            footnote: 'If it was not you, you can ignore this email: your account is unchanged.',
          }),
        }),
      );
    } else {
      this.logger.warn('a sign-up named an account that belongs to no clinic; no email was sent');
    }

    return ACCEPTED;
  }

  async verify(token: string, address: string): Promise<VerifiedClinicSignup> {
    try {
      return await this.complete(token);
    } catch (error) {
      if (error instanceof AppException && error.code === 'signup_link_invalid') {
        await this.limits.fail('invitation_accept', { address });
      }
      throw error;
    }
  }

  private async complete(token: string): Promise<VerifiedClinicSignup> {
    const decoded = decodeSecretToken(token);
    if (!decoded) {
      throw new AppException('signup_link_invalid', LINK_INVALID);
    }
    const secretHash = hashSecret(decoded.secret);
    const [status] = await this.dataSource.query<StatusRow[]>(
      'SELECT clinic_id, status FROM clinic_signup_status($1, $2)',
      [decoded.id, secretHash],
    );
    if (!status) {
      throw new AppException('signup_link_invalid', LINK_INVALID);
    }
    refuseClosed(status.status);

    const userId = randomUUID();
    const scope = { clinicId: status.clinic_id, userId, role: 'owner' as const };

    return this.tenants.run(scope, async (manager) => {
      const [completed] = await manager.query<CompleteRow[]>(
        'SELECT outcome, clinic_id FROM clinic_signup_complete($1, $2, $3, $4)',
        [decoded.id, secretHash, userId, randomUUID()],
      );
      switch (completed?.outcome) {
        case 'created':
          break;
        case 'completed':
        case 'expired':
          refuseClosed(completed.outcome);
          break;
        case 'account_exists':
          throw new AppException('signup_link_used', ACCOUNT_EXISTS);
        case 'invalid':
        case undefined:
          throw new AppException('signup_link_invalid', LINK_INVALID);
      }
      await this.audit.record({
        action: 'clinic.created',
        subject: { type: 'clinic', id: status.clinic_id },
        details: {},
      });

      return { clinicId: status.clinic_id };
    });
  }
}

function refuseClosed(status: 'pending' | 'expired' | 'completed'): void {
  if (status === 'completed') {
    throw new AppException('signup_link_used', LINK_USED);
  }
  if (status === 'expired') {
    throw new AppException('signup_link_expired', LINK_EXPIRED);
  }
}
