import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type AcceptedPatientInvitation,
  type FreshPatientInvitationAnswer,
  PATIENT_INVITATION_TTL_DAYS,
  type PatientInvitationSent,
  type PatientInvitationStatus,
  type PatientInvitationView,
} from '@ivks/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  AuditTrail,
  composeEmail,
  isUniqueViolation,
  Mailer,
  Patient,
  PatientInvitation,
  type PatientInvitationRevokedReason,
  TenantTransactions,
} from '@ivks/server';
import { DataSource, IsNull } from 'typeorm';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import { AppException } from '../common/app.exception';
import { patientAppLink } from '../common/portal-links';
import { RateLimits } from '../common/rate-limit';
import {
  decodeSecretToken,
  encodeSecretToken,
  hashSecret,
  newSecret,
} from '../common/secret-token';

const DAY_MS = 24 * 3_600_000;

const NOT_FOUND =
  'This invitation link is not one we know. Check that the whole link was copied, or ask your clinic to send a new one.';

const FRESH_ANSWER: FreshPatientInvitationAnswer = {
  message:
    'If this link can be renewed, a fresh one is on its way to the email address your clinic has for you.',
};

interface InvitationRow {
  invitation_id: string;
  clinic_id: string;
  patient_id: string;
  clinic_name: string;
  given_name: string;
  family_name: string;
  email: string;
  status: PatientInvitationStatus;
  revoked_reason: PatientInvitationRevokedReason | null;
}

/** What happened to an invitation when a new one is sent: who asked for it. */
export type InvitationOccasion = 'enrolment' | 'staff' | 'patient';

@Injectable()
export class PatientInvitationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantTransactions,
    private readonly mailer: Mailer,
    private readonly audit: AuditTrail,
    private readonly limits: RateLimits,
  ) {}

  /**
   * Sends the patient a new invitation inside the current unit of work; the live one, if any,
   * stops working at once. The email says only that their clinic invited them.
   */
  async send(
    patient: Pick<Patient, 'id' | 'email'>,
    occasion: InvitationOccasion,
  ): Promise<PatientInvitationSent> {
    const { clinicId } = this.tenants.scope;
    const now = new Date();
    await this.revokeLive(patient.id, 'resent', now);
    const secret = newSecret();
    const invitation: PatientInvitation = {
      clinicId,
      id: randomUUID(),
      patientId: patient.id,
      secretHash: hashSecret(secret),
      sentAt: now,
      expiresAt: new Date(now.getTime() + PATIENT_INVITATION_TTL_DAYS * DAY_MS),
      acceptedAt: null,
      revokedAt: null,
      revokedReason: null,
    };
    await this.tenants.repository(PatientInvitation).insert(invitation);
    const token = encodeSecretToken({ id: invitation.id, secret });
    const url = patientAppLink(this.config, 'accept', { token });
    await this.mailer.send({
      kind: 'patient_invitation',
      to: patient.email,
      ...composeEmail({
        subject: 'Your clinic has invited you to the portal',
        paragraphs: [
          'Hello,',
          'Your clinic has invited you to set up your account on the portal they use with their patients.',
        ],
        action: { label: 'Set up your account', url },
        footnote: `This link works for ${PATIENT_INVITATION_TTL_DAYS} days. If it has run out, open it anyway and ask for a fresh one.`,
      }),
    });
    if (occasion === 'enrolment') {
      await this.audit.record({
        action: 'patient.invitation_sent',
        subject: { type: 'patient', id: patient.id },
        details: {},
      });
    } else {
      await this.audit.record({
        action: 'patient.invitation_resent',
        subject: { type: 'patient', id: patient.id },
        details: { requestedBy: occasion },
      });
    }

    return {
      sentAt: invitation.sentAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** A member of staff sends the invitation again; the link sent before stops working. */
  async resend(patientId: string): Promise<PatientInvitationSent> {
    const patient = await this.tenants
      .repository(Patient)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, id: patientId });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'There is no patient with this id in your clinic.',
      );
    }
    if (patient.userId) {
      throw new AppException(
        'patient_invitation_accepted',
        'This patient has already accepted their invitation and can sign in.',
      );
    }
    if (patient.status === 'discharged') {
      throw new AppException(
        'patient_discharged',
        'This patient has been discharged, so they cannot be invited. Readmit them first.',
      );
    }

    return this.send(patient, 'staff');
  }

  /** Ends the patient's live invitation, as when they are discharged. */
  async revokeLive(
    patientId: string,
    reason: PatientInvitationRevokedReason,
    at = new Date(),
  ): Promise<void> {
    await this.tenants.repository(PatientInvitation).update(
      {
        clinicId: this.tenants.scope.clinicId,
        patientId,
        acceptedAt: IsNull(),
        revokedAt: IsNull(),
      },
      { revokedAt: at, revokedReason: reason },
    );
  }

  async view(token: string): Promise<PatientInvitationView> {
    const row = await this.lookup(token, 'refuse');

    return { status: row.status, clinicName: row.clinic_name, givenName: row.given_name };
  }

  /**
   * Creates the patient's account, or links the account their email already has once its
   * current password is given, and makes them a patient of the clinic.
   */
  async accept(
    token: string,
    password: string,
    address: string,
  ): Promise<AcceptedPatientInvitation> {
    const row = await this.lookup(token, 'refuse').catch(async (error: unknown) => {
      await this.limits.fail('invitation_accept', { address });
      throw error;
    });
    this.refuseUnless(row, 'pending');
    const [account] = await this.dataSource.query<
      { user_id: string; password_hash: string | null }[]
    >('SELECT user_id, password_hash FROM auth_find_user($1)', [row.email]);
    if (account) {
      const passwordOk = account.password_hash
        ? await verifyPassword(account.password_hash, password)
        : await verifyAgainstDecoy(password);
      if (!passwordOk) {
        await this.limits.fail('invitation_accept', { address });
        throw new AppException(
          'current_password_wrong',
          'This email address already has an account. Enter the password you use for it to add this clinic to it.',
          undefined,
          { password: ['Enter the current password of the account this email already has'] },
        );
      }
    }
    const userId = account?.user_id ?? randomUUID();
    const passwordHash = account ? null : await hashPassword(password);
    const scope = { clinicId: row.clinic_id, userId, role: 'system' as const };

    await this.tenants.run(scope, async (manager) => {
      if (passwordHash) {
        try {
          await manager.query('INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)', [
            userId,
            row.email,
            passwordHash,
          ]);
        } catch (error) {
          throw isUniqueViolation(error) ? alreadyAccepted() : error;
        }
      }
      try {
        await manager.query(
          `INSERT INTO memberships (clinic_id, user_id, role, display_name)
           VALUES ($1, $2, 'patient', $3)`,
          [row.clinic_id, userId, `${row.given_name} ${row.family_name}`],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppException(
            'patient_account_conflict',
            'This email address already belongs to someone at this clinic, so it cannot also be a patient’s account. Please contact your clinic.',
          );
        }
        throw error;
      }
      // Both rows change only while the invitation is still pending, so a second, concurrent
      // acceptance changes nothing and is refused.
      const [changed] = await manager.query<{ linked: number; accepted: number }[]>(
        `WITH linked AS (
           UPDATE patients SET user_id = $3, status = 'active'
           WHERE clinic_id = $1 AND id = $2 AND user_id IS NULL AND status = 'invited'
           RETURNING id
         ), accepted AS (
           UPDATE patient_invitations SET accepted_at = now()
           WHERE clinic_id = $1 AND id = $4 AND accepted_at IS NULL AND revoked_at IS NULL
           RETURNING id
         )
         SELECT (SELECT count(*) FROM linked)::int AS linked,
                (SELECT count(*) FROM accepted)::int AS accepted`,
        [row.clinic_id, row.patient_id, userId, row.invitation_id],
      );
      if (changed?.linked !== 1 || changed.accepted !== 1) {
        throw alreadyAccepted();
      }
      await this.audit.record({
        action: 'patient.invitation_accepted',
        subject: { type: 'patient', id: row.patient_id },
        actor: { userId: null, role: 'system' },
        details: { existingAccount: Boolean(account) },
      });
    });

    return { email: row.email, clinicId: row.clinic_id };
  }

  /**
   * Sends a fresh link for one that ran out or was replaced, to the email the clinic has. The
   * answer is the same whatever happened, so it tells nobody which links exist.
   */
  async fresh(token: string): Promise<FreshPatientInvitationAnswer> {
    const row = await this.lookup(token, 'not_found').catch((error: unknown) => {
      if (error instanceof AppException && error.code === 'patient_invitation_not_found') {
        return null;
      }
      throw error;
    });
    const renewable =
      row &&
      (row.status === 'expired' || (row.status === 'revoked' && row.revoked_reason === 'resent'));
    if (row && renewable) {
      const scope = { clinicId: row.clinic_id, userId: null, role: 'system' as const };
      await this.tenants.run(scope, () =>
        this.send({ id: row.patient_id, email: row.email }, 'patient'),
      );
    }

    return FRESH_ANSWER;
  }

  private async lookup(token: string, malformed: 'refuse' | 'not_found'): Promise<InvitationRow> {
    const decoded = decodeSecretToken(token);
    if (!decoded && malformed === 'refuse') {
      throw new AppException(
        'validation_failed',
        'Please correct the request: token must be the whole token from the invitation link.',
        undefined,
        { token: ['token must be the whole token from the invitation link'] },
      );
    }
    const [row] = decoded
      ? await this.dataSource.query<Omit<InvitationRow, 'invitation_id'>[]>(
          'SELECT * FROM patient_invitation_lookup($1, $2)',
          [decoded.id, hashSecret(decoded.secret)],
        )
      : [];
    if (!decoded || !row) {
      throw new AppException('patient_invitation_not_found', NOT_FOUND);
    }

    return { ...row, invitation_id: decoded.id };
  }

  private refuseUnless(row: InvitationRow, wanted: PatientInvitationStatus): void {
    if (row.status === wanted) {
      return;
    }
    switch (row.status) {
      case 'accepted':
        throw alreadyAccepted();
      case 'expired':
        throw new AppException(
          'patient_invitation_expired',
          'This invitation link has run out. Ask for a fresh one and we will email it to you.',
        );
      case 'revoked':
        throw new AppException(
          'patient_invitation_revoked',
          'This invitation link no longer works: a newer one may have been sent, or your clinic has withdrawn it. Use the latest email, or ask for a fresh link.',
        );
      case 'pending':
        throw new AppException('patient_invitation_not_found', NOT_FOUND);
    }
  }
}

function alreadyAccepted(): AppException {
  return new AppException(
    'patient_invitation_accepted',
    'This invitation has already been used. Sign in with your email and password.',
  );
}
