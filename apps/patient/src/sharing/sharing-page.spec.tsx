import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import { ChaperonePage } from '../chaperone/chaperone-page';
import { SessionProvider } from '../session/session-context';
import { fakeApi } from '../testing/fake-api';
import { shareUrl, subscribeUrl } from './share-links';
import { SharingPage } from './sharing-page';

const TOKEN = '11111111-2222-4333-8444-555555555555.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';

describe('share links', () => {
  it('puts the calendar feed on the API and the chaperone page in this app', () => {
    expect(shareUrl('calendar', 'a.b', 'https://portal.example')).toBe(
      'https://portal.example/api/v1/calendar/a.b',
    );
    expect(shareUrl('chaperone', 'a.b', 'https://portal.example')).toBe(
      'https://portal.example/chaperone/a.b',
    );
    expect(subscribeUrl('https://portal.example/api/v1/calendar/a.b')).toBe(
      'webcal://portal.example/api/v1/calendar/a.b',
    );
  });
});

describe('SharingPage', () => {
  it('makes a link, shows it once, and stops it', async () => {
    let live: object[] = [];
    const { api, calls } = fakeApi({
      'GET /me/links': () => ({ status: 200, body: live }),
      'POST /me/links': () => {
        live = [{ id: 'link-1', purpose: 'chaperone', createdAt: '2026-12-01T10:00:00Z' }];

        return { status: 201, body: { ...live[0], token: TOKEN } };
      },
      'DELETE /me/links/link-1': () => {
        live = [];

        return { status: 204 };
      },
    });
    render(
      <MemoryRouter>
        <SessionProvider api={api}>
          <SharingPage />
        </SessionProvider>
      </MemoryRouter>,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Make a chaperone link' }));

    await expect(
      screen.findByText(`${window.location.origin}/chaperone/${encodeURIComponent(TOKEN)}`),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(calls).toContainEqual({
      method: 'POST',
      path: '/me/links',
      body: { purpose: 'chaperone' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Stop this link' }));
    await waitFor(() => expect(screen.queryByText(/\/chaperone\//)).toBeNull());
    expect(screen.queryByRole('button', { name: 'Make a chaperone link' })).not.toBeNull();
  });

  it('says what went wrong when a link cannot be made', async () => {
    const { api } = fakeApi({
      'GET /me/links': () => ({ status: 200, body: [] }),
      'POST /me/links': () => ({
        status: 409,
        body: {
          statusCode: 409,
          code: 'patient_discharged',
          message: 'Your course has ended, so new links cannot be made.',
        },
      }),
    });
    render(
      <MemoryRouter>
        <SessionProvider api={api}>
          <SharingPage />
        </SessionProvider>
      </MemoryRouter>,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Make a calendar link' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Your course has ended');
  });
});

describe('ChaperonePage', () => {
  const renderAt = (api: ApiClient) =>
    render(
      <MemoryRouter initialEntries={[`/chaperone/${TOKEN}`]}>
        <SessionProvider api={api}>
          <Routes>
            <Route path="/chaperone/:token" element={<ChaperonePage />} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>,
    );

  it('shows the day’s times on the patient’s clock, the clinic’s phone and the tips', async () => {
    const { api } = fakeApi({
      [`GET /chaperone/${encodeURIComponent(TOKEN)}`]: () => ({
        status: 200,
        body: {
          patientGivenName: 'Maya',
          clinic: { name: 'Harbourside', phone: '+1 617 555 0142' },
          timeZone: 'America/New_York',
          visits: [{ startsAt: '2026-12-09T15:30:00.000Z', endsAt: '2026-12-09T16:30:00.000Z' }],
          tips: [{ title: 'On the day', tips: ['Leave a little early.'] }],
        },
      }),
    });
    renderAt(api);

    await expect(
      screen.findByRole('heading', { name: 'Helping Maya on the day' }),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(screen.queryByText(/10:30 am \(New York time\)/)).not.toBeNull();
    expect(screen.queryByText(/11:30 am \(New York time\)/)).not.toBeNull();
    expect(screen.getByRole('link', { name: '+1 617 555 0142' }).getAttribute('href')).toBe(
      'tel:+16175550142',
    );
    expect(screen.queryByText('Leave a little early.')).not.toBeNull();
  });

  it('explains a link that no longer works', async () => {
    const { api } = fakeApi({
      [`GET /chaperone/${encodeURIComponent(TOKEN)}`]: () => ({
        status: 404,
        body: {
          statusCode: 404,
          code: 'link_not_found',
          message: 'This link does not work any more. Ask the person who shared it for a new one.',
        },
      }),
    });
    renderAt(api);

    expect((await screen.findByRole('alert')).textContent).toContain('does not work any more');
  });
});
