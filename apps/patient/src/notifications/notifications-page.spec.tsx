import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../session/session-context';
import { fakeApi } from '../testing/fake-api';
import { NotificationBell } from './notification-bell';
import { NotificationsPage } from './notifications-page';

const NOTIFICATION = {
  id: 'n-1',
  kind: 'infusion_day_before',
  title: 'Your infusion is tomorrow',
  body: 'Have a look at what to do before it.',
  link: '/',
  createdAt: '2026-12-03T23:00:00Z',
  readAt: null,
};

describe('NotificationsPage', () => {
  it('shows the notifications and clears the bell’s count when opened', async () => {
    let unread = 1;
    const { api, calls } = fakeApi({
      'GET /me/notifications?perPage=1': () => ({
        status: 200,
        body: { data: [], total: 1, unread },
      }),
      'GET /me/notifications?perPage=50': () => ({
        status: 200,
        body: { data: [NOTIFICATION], total: 1, unread },
      }),
      'POST /me/notifications/read-all': () => {
        unread = 0;

        return { status: 200, body: { unread: 0 } };
      },
    });
    render(
      <MemoryRouter initialEntries={['/somewhere']}>
        <SessionProvider api={api}>
          <NotificationBell />
          <Routes>
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="*" element={<p>Elsewhere</p>} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>,
    );

    expect((await screen.findByTestId('unread-count')).textContent).toBe('1');
    fireEvent.click(screen.getByRole('link', { name: 'Notifications, 1 unread' }));

    expect(await screen.findByRole('link', { name: 'Your infusion is tomorrow' })).toBeInstanceOf(
      HTMLElement,
    );
    await waitFor(() => expect(screen.queryByTestId('unread-count')).toBeNull());
    expect(screen.getByRole('link', { name: 'Notifications, none unread' })).toBeInstanceOf(
      HTMLElement,
    );
    expect(calls.filter((call) => call.path === '/me/notifications/read-all')).toHaveLength(1);
  });

  it('says so when there are none, without marking anything', async () => {
    const { api, calls } = fakeApi({
      'GET /me/notifications?perPage=50': () => ({
        status: 200,
        body: { data: [], total: 0, unread: 0 },
      }),
    });
    render(
      <MemoryRouter>
        <SessionProvider api={api}>
          <NotificationsPage />
        </SessionProvider>
      </MemoryRouter>,
    );

    expect(await screen.findByText('You have no notifications yet.')).toBeInstanceOf(HTMLElement);
    expect(calls.some((call) => call.path === '/me/notifications/read-all')).toBe(false);
  });
});
