import type {
  StaffInvitation as StaffInvitationView,
  StaffMember,
  StaffRole,
} from '@ivks/contracts';
import type { StaffInvitation } from '@ivks/server';

export interface MemberRow {
  membership_id: string;
  user_id: string;
  display_name: string;
  email: string;
  role: StaffRole;
  created_at: Date;
  deactivated_at: Date | null;
}

export function memberView(row: MemberRow): StaffMember {
  return {
    membershipId: row.membership_id,
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    status: row.deactivated_at ? 'deactivated' : 'active',
    joinedAt: row.created_at.toISOString(),
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
  };
}

export function invitationView(invitation: StaffInvitation, now = Date.now()): StaffInvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    displayName: invitation.displayName,
    role: invitation.role,
    sentAt: invitation.sentAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    expired: invitation.expiresAt.getTime() <= now,
  };
}

const RANK: Record<StaffRole, number> = { clinician: 1, admin: 2, owner: 3 };

/** Whether moving from one role to another takes rights away. */
export function losesRights(from: StaffRole, to: StaffRole): boolean {
  return RANK[to] < RANK[from];
}
