import type { Role } from '@ivks/contracts';
import type { ResourceProps } from 'react-admin';
import { EmailDeliveryList } from './email-delivery-list';

export const emailDeliveries: ResourceProps = {
  name: 'email-deliveries',
  list: EmailDeliveryList,
  options: { label: 'Email deliveries' },
};

/** Only owners and admins read deliveries; the API refuses everyone else. */
export function readsEmailDeliveries(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin';
}
