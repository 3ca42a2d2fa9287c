import type { NotificationPage, PatientNotification } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiRequestError } from '../api/api-client';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import { NOTIFICATIONS_READ_EVENT } from './unread';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; notifications: PatientNotification[] };

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The patient's notifications, newest first. Opening the page marks them all read. */
export function NotificationsPage() {
  usePageTitle('Notifications');
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    const open = async () => {
      const page = await api.request<NotificationPage>('/me/notifications?perPage=50');
      if (page.unread > 0) {
        await api.request('/me/notifications/read-all', { method: 'POST' });
      }
      window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));

      return page.data;
    };
    open()
      .then((notifications) => current && setLoad({ state: 'ready', notifications }))
      .catch((error: unknown) => {
        if (current) {
          setLoad({
            state: 'failed',
            message:
              error instanceof ApiRequestError
                ? error.message
                : 'Something went wrong. Please try again.',
          });
        }
      });

    return () => {
      current = false;
    };
  }, [api]);

  return (
    <>
      <h1 className="heading-l">Notifications</h1>
      <p>
        <Link to="/settings/notifications">Choose how and when we contact you</Link>
      </p>
      {load.state === 'loading' && <p role="status">Loading…</p>}
      {load.state === 'failed' && (
        <p className="error-message" role="alert">
          {load.message}
        </p>
      )}
      {load.state === 'ready' && load.notifications.length === 0 && (
        <p>You have no notifications yet.</p>
      )}
      {load.state === 'ready' && load.notifications.length > 0 && (
        <ul className="notification-list">
          {load.notifications.map((notification) => (
            <li
              key={notification.id}
              className={
                notification.readAt === null
                  ? 'notification-list__item notification-list__item--new'
                  : 'notification-list__item'
              }
            >
              <h2 className="heading-s">
                <Link to={notification.link}>{notification.title}</Link>
                {notification.readAt === null && <span className="tag">New</span>}
              </h2>
              <p>{notification.body}</p>
              <p className="hint">{WHEN.format(new Date(notification.createdAt))}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
