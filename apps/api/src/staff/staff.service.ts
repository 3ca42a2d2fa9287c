import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  StaffInvitation as StaffInvitationView,
  StaffList,
  StaffMember,
  StaffRole,
} from '@ivks/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  AuditTrail,
  Clinic,
  isUniqueViolation,
  Mailer,
  Membership,
  StaffInvitation,
  TenantTransactions,
} from '@ivks/server';
import { IsNull } from 'typeorm';
import { SessionsService } from '../auth/sessions.service';
import { AppException } from '../common/app.exception';
import { encodeSecretToken, hashSecret, newSecret } from '../common/secret-token';
import type { InviteStaffDto } from './dto/staff.dto';
import { invitationEmail, invitationExpiry } from './invitation-email';
import { type StaffChange, staffChangeRefusal } from './staff-rules';
import { invitationView, losesRights, type MemberRow, memberView } from './staff-views';

const MEMBER_NOT_FOUND = 'There is no staff member with this id in your clinic.';
const INVITATION_NOT_FOUND = 'There is no invitation with this id in your clinic.';

const MEMBERS_SQL = `
  SELECT m.id AS membership_id, m.user_id, m.display_name, u.email, m.role, m.created_at,
         m.deactivated_at
  FROM memberships m JOIN users u ON u.id = m.user_id
  WHERE m.clinic_id = $1 AND m.role <> 'patient'`;

/** Owners and admins manage their clinic's staff: invitations, roles and deactivation. */
@Injectable()
export class StaffService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly mailer: Mailer,
    private readonly audit: AuditTrail,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<StaffList> {
    const { clinicId } = this.tenants.scope;
    const members = await this.tenants.manager.query<MemberRow[]>(
      `${MEMBERS_SQL} ORDER BY m.deactivated_at IS NOT NULL, lower(m.display_name), m.id`,
      [clinicId],
    );
    const invitations = await this.tenants.repository(StaffInvitation).find({
      where: { clinicId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { sentAt: 'DESC' },
    });

    return {
      members: members.map(memberView),
      invitations: invitations.map((i) => invitationView(i)),
    };
  }

  async invite(request: InviteStaffDto): Promise<StaffInvitationView> {
    const { clinicId, userId } = this.tenants.scope;
    const manager = this.tenants.manager;
    const [member] = await manager.query<{ role: string }[]>(
      `SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.clinic_id = $1 AND u.email = $2`,
      [clinicId, request.email],
    );
    if (member) {
      throw new AppException(
        'staff_already_member',
        member.role === 'patient'
          ? 'This email belongs to a patient of your clinic. Invite the person with another email.'
          : 'This person is already on your staff. Change their role or reactivate them instead.',
        undefined,
        { email: ['already belongs to someone in your clinic'] },
      );
    }

    const secret = newSecret();
    const invitation = manager.create(StaffInvitation, {
      clinicId,
      id: randomUUID(),
      email: request.email,
      displayName: request.displayName,
      role: request.role,
      invitedBy: userId,
      secretHash: hashSecret(secret),
      sentAt: new Date(),
      expiresAt: invitationExpiry(),
      acceptedAt: null,
      revokedAt: null,
      membershipId: null,
    });
    try {
      await manager.query('SAVEPOINT staff_invite');
      await manager.insert(StaffInvitation, invitation);
      await manager.query('RELEASE SAVEPOINT staff_invite');
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      await manager.query('ROLLBACK TO SAVEPOINT staff_invite');
      throw new AppException(
        'staff_already_invited',
        'This email already has an open invitation. Send it again from the staff list instead.',
        undefined,
        { email: ['already has an open invitation'] },
      );
    }
    await this.sendInvitation(invitation, secret);
    await this.audit.record({
      action: 'staff.invited',
      subject: { type: 'staff_invitation', id: invitation.id },
      details: { role: invitation.role },
    });

    return invitationView(invitation);
  }

  /** A new link replaces the old one, which stops working at once, and the expiry restarts. */
  async resend(id: string): Promise<StaffInvitationView> {
    const invitation = await this.openInvitation(id);
    const secret = newSecret();
    invitation.sentAt = new Date();
    invitation.expiresAt = invitationExpiry(invitation.sentAt.getTime());
    await this.tenants.manager.update(
      StaffInvitation,
      { clinicId: invitation.clinicId, id },
      {
        secretHash: hashSecret(secret),
        sentAt: invitation.sentAt,
        expiresAt: invitation.expiresAt,
      },
    );
    await this.sendInvitation(invitation, secret);
    await this.audit.record({
      action: 'staff.invitation_resent',
      subject: { type: 'staff_invitation', id },
      details: {},
    });

    return invitationView(invitation);
  }

  async revoke(id: string): Promise<void> {
    const invitation = await this.findInvitation(id);
    if (invitation.revokedAt) {
      return;
    }
    if (invitation.acceptedAt) {
      throw new AppException(
        'staff_invitation_closed',
        'This invitation was already accepted. Deactivate the staff member instead.',
      );
    }
    await this.tenants.manager.update(
      StaffInvitation,
      { clinicId: invitation.clinicId, id },
      { revokedAt: new Date() },
    );
    await this.audit.record({
      action: 'staff.invitation_revoked',
      subject: { type: 'staff_invitation', id },
      details: {},
    });
  }

  /** Someone who loses rights signs in again, so no session keeps the rights of the old role. */
  async changeRole(membershipId: string, role: StaffRole): Promise<StaffMember> {
    const target = await this.member(membershipId);
    if (target.role === role) {
      return memberView(target);
    }
    await this.refuseIfNotAllowed(target, { kind: 'role', to: role });
    await this.tenants.manager.update(
      Membership,
      { clinicId: this.tenants.scope.clinicId, id: membershipId },
      { role },
    );
    const sessionsEnded = losesRights(target.role, role)
      ? await this.sessions.endAllFor(target.user_id)
      : 0;
    await this.audit.record({
      action: 'staff.role_changed',
      subject: { type: 'user', id: target.user_id },
      details: { from: target.role, to: role, sessionsEnded },
    });

    return memberView({ ...target, role });
  }

  async deactivate(membershipId: string): Promise<StaffMember> {
    const target = await this.member(membershipId);
    if (target.deactivated_at) {
      return memberView(target);
    }
    await this.refuseIfNotAllowed(target, { kind: 'deactivate' });
    const deactivatedAt = new Date();
    await this.tenants.manager.update(
      Membership,
      { clinicId: this.tenants.scope.clinicId, id: membershipId },
      { deactivatedAt },
    );
    const sessionsEnded = await this.sessions.endAllFor(target.user_id);
    await this.audit.record({
      action: 'staff.deactivated',
      subject: { type: 'user', id: target.user_id },
      details: { sessionsEnded },
    });

    return memberView({ ...target, deactivated_at: deactivatedAt });
  }

  async reactivate(membershipId: string): Promise<StaffMember> {
    const target = await this.member(membershipId);
    if (!target.deactivated_at) {
      return memberView(target);
    }
    await this.refuseIfNotAllowed(target, { kind: 'reactivate' });
    await this.tenants.manager.update(
      Membership,
      { clinicId: this.tenants.scope.clinicId, id: membershipId },
      { deactivatedAt: null },
    );
    await this.audit.record({
      action: 'staff.reactivated',
      subject: { type: 'user', id: target.user_id },
      details: {},
    });

    return memberView({ ...target, deactivated_at: null });
  }

  private async refuseIfNotAllowed(target: MemberRow, change: StaffChange): Promise<void> {
    const { clinicId, userId, role } = this.tenants.scope;
    // The other owners are locked so that two owners demoting each other at once cannot both win.
    const owners = await this.tenants.manager.query<{ id: string }[]>(
      `SELECT id FROM memberships
       WHERE clinic_id = $1 AND role = 'owner' AND deactivated_at IS NULL AND id <> $2
       FOR UPDATE`,
      [clinicId, target.membership_id],
    );
    const refusal = staffChangeRefusal({
      actor: { userId: userId ?? '', role: role === 'owner' ? 'owner' : 'admin' },
      target: { userId: target.user_id, role: target.role, active: !target.deactivated_at },
      change,
      otherActiveOwners: owners.length,
    });
    if (refusal) {
      throw new AppException(refusal.code, refusal.message);
    }
  }

  private async member(membershipId: string): Promise<MemberRow> {
    const [row] = await this.tenants.manager.query<MemberRow[]>(
      `${MEMBERS_SQL} AND m.id = $2 FOR UPDATE OF m`,
      [this.tenants.scope.clinicId, membershipId],
    );
    if (!row) {
      throw new AppException('staff_member_not_found', MEMBER_NOT_FOUND);
    }

    return row;
  }

  private async findInvitation(id: string): Promise<StaffInvitation> {
    const invitation = await this.tenants
      .repository(StaffInvitation)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, id });
    if (!invitation) {
      throw new AppException('staff_invitation_not_found', INVITATION_NOT_FOUND);
    }

    return invitation;
  }

  private async openInvitation(id: string): Promise<StaffInvitation> {
    const invitation = await this.findInvitation(id);
    if (invitation.acceptedAt || invitation.revokedAt) {
      throw new AppException(
        'staff_invitation_closed',
        invitation.acceptedAt
          ? 'This invitation was already accepted, so there is nothing to send again.'
          : 'This invitation was withdrawn. Invite the person again instead.',
      );
    }

    return invitation;
  }

  private async sendInvitation(invitation: StaffInvitation, secret: string): Promise<void> {
    const { clinicId, userId } = this.tenants.scope;
    const manager = this.tenants.manager;
    const clinic = await manager.findOneByOrFail(Clinic, { id: clinicId });
    const inviter = userId ? await manager.findOneBy(Membership, { clinicId, userId }) : null;
    await this.mailer.send(
      invitationEmail(this.config, {
        to: invitation.email,
        displayName: invitation.displayName,
        role: invitation.role,
        clinicName: clinic.name,
        inviterName: inviter?.displayName ?? null,
        token: encodeSecretToken({ id: invitation.id, secret }),
      }),
    );
  }
}
