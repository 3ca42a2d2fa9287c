import type { Role } from '@ivks/contracts';

/** The worker acts for a clinic as `system`: it sees the clinic's records, never another's. */
export type ScopeRole = Role | 'system';

/** Who a unit of database work runs as: the clinic, and the user and role within it. */
export interface TenantScope {
  clinicId: string;
  userId: string | null;
  role: ScopeRole | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
