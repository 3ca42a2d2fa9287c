/** Sent on the window when the patient has read their notifications, so the bell clears at once. */
export const NOTIFICATIONS_READ_EVENT = 'ivks:notifications-read';

/** What the bell says to a screen reader, and the badge it shows. */
export function unreadLabel(unread: number): { label: string; badge: string | null } {
  if (unread <= 0) {
    return { label: 'Notifications, none unread', badge: null };
  }

  return {
    label: `Notifications, ${unread} unread`,
    badge: unread > 99 ? '99+' : String(unread),
  };
}
