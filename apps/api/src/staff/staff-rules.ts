import type { StaffRole } from '@ivks/contracts';

export type StaffChange =
  { kind: 'role'; to: StaffRole } | { kind: 'deactivate' } | { kind: 'reactivate' };

export interface StaffChangeRequest {
  actor: { userId: string; role: 'owner' | 'admin' };
  target: { userId: string; role: StaffRole; active: boolean };
  change: StaffChange;
  /** Active owners of the clinic other than the target. */
  otherActiveOwners: number;
}

export interface StaffChangeRefusal {
  code: 'staff_change_forbidden' | 'staff_last_owner';
  message: string;
}

/**
 * Who may change whom. Owners may change anyone; admins manage admins and clinicians but never
 * an owner, and cannot make one. Nobody deactivates themselves, and a clinic always keeps an
 * active owner.
 */
export function staffChangeRefusal(request: StaffChangeRequest): StaffChangeRefusal | null {
  const { actor, target, change } = request;
  const touchesOwner = target.role === 'owner' || (change.kind === 'role' && change.to === 'owner');
  if (actor.role === 'admin' && touchesOwner) {
    return {
      code: 'staff_change_forbidden',
      message: 'Only an owner can change an owner, or make someone an owner.',
    };
  }
  if (change.kind === 'deactivate' && target.userId === actor.userId) {
    return {
      code: 'staff_change_forbidden',
      message: 'You cannot deactivate yourself. Ask another owner or admin to do it.',
    };
  }
  const ownerLeaves =
    target.role === 'owner' &&
    target.active &&
    (change.kind === 'deactivate' || (change.kind === 'role' && change.to !== 'owner'));
  if (ownerLeaves && request.otherActiveOwners === 0) {
    return {
      code: 'staff_last_owner',
      message:
        'The clinic needs at least one active owner. Make someone else an owner first, then try again.',
    };
  }

  return null;
}
