import type { Role, StaffMember, StaffRole } from '@ivks/contracts';

export interface StaffActions {
  /** The roles the member can be given, their current one included; empty when it is fixed. */
  roleChoices: StaffRole[];
  canDeactivate: boolean;
  canReactivate: boolean;
}

const NONE: StaffActions = { roleChoices: [], canDeactivate: false, canReactivate: false };

/**
 * What the signed-in person may do to one staff member, as the API decides it: owners change
 * anyone, admins never an owner nor make one, nobody deactivates themselves. Keeping the last
 * active owner is left to the API, which explains it when it refuses.
 */
export function staffActionsFor(
  actor: { userId: string; role: Role | undefined },
  member: Pick<StaffMember, 'userId' | 'role' | 'status'>,
): StaffActions {
  if (actor.role !== 'owner' && actor.role !== 'admin') {
    return NONE;
  }
  if (actor.role === 'admin' && member.role === 'owner') {
    return NONE;
  }
  const self = actor.userId === member.userId;

  return {
    roleChoices: actor.role === 'owner' ? ['owner', 'admin', 'clinician'] : ['admin', 'clinician'],
    canDeactivate: !self && member.status === 'active',
    canReactivate: member.status === 'deactivated',
  };
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  clinician: 'Clinician',
};

export function managesStaff(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin';
}
