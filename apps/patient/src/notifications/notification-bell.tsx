import type { NotificationPage } from '@ivks/contracts';
import { Bell } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../session/session-context';
import { NOTIFICATIONS_READ_EVENT, unreadLabel } from './unread';

/** The bell in the account bar: how many notifications are unread, linking to them. */
export function NotificationBell() {
  const { api } = useSession();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);

  // Counted again on each page, so that a reminder sent meanwhile shows without a reload.
  useEffect(() => {
    let current = true;
    api
      .request<NotificationPage>('/me/notifications?perPage=1')
      .then((page) => {
        if (current) {
          setUnread(page.unread);
        }
      })
      .catch(() => {
        // The bell is a convenience: a failed count leaves the last one shown.
      });

    return () => {
      current = false;
    };
  }, [api, pathname]);

  useEffect(() => {
    const clear = () => setUnread(0);
    window.addEventListener(NOTIFICATIONS_READ_EVENT, clear);

    return () => window.removeEventListener(NOTIFICATIONS_READ_EVENT, clear);
  }, []);

  const { label, badge } = unreadLabel(unread);

  return (
    <Link className="notification-bell" to="/notifications" aria-label={label}>
      <Bell aria-hidden="true" size={24} strokeWidth={1.75} />
      {badge !== null && (
        <span className="notification-bell__badge" aria-hidden="true" data-testid="unread-count">
          {badge}
        </span>
      )}
    </Link>
  );
}
