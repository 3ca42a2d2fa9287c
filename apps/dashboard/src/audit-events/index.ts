import type { Role } from '@ivks/contracts';
import type { ResourceProps } from 'react-admin';
import { AuditEventList } from './audit-event-list';

export const auditEvents: ResourceProps = {
  name: 'audit-events',
  list: AuditEventList,
  options: { label: 'Audit trail' },
};

/** Only owners and admins read the audit trail; the API refuses everyone else. */
export function readsAuditTrail(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin';
}
