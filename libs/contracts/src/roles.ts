export const STAFF_ROLES = ['owner', 'admin', 'clinician'] as const;
export const ROLES = [...STAFF_ROLES, 'patient'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
