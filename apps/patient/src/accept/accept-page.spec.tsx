import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import { SessionProvider } from '../session/session-context';
import { type Answer, fakeApi } from '../testing/fake-api';
import { AcceptPage } from './accept-page';

const TOKEN = '11111111-2222-4333-8444-555555555555.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const VIEW_PATH = `GET /patient-invitations/${encodeURIComponent(TOKEN)}`;

function view(status: string): () => Answer {
  return () => ({ status: 200, body: { status, clinicName: 'Harbourside', givenName: 'Maya' } });
}

function renderAccept(api: ApiClient, fragment = `#token=${encodeURIComponent(TOKEN)}`) {
  return render(
    <MemoryRouter initialEntries={[`/accept${fragment}`]}>
      <SessionProvider api={api}>
        <Routes>
          <Route path="/accept" element={<AcceptPage />} />
          <Route path="/" element={<h1>Today</h1>} />
          <Route path="/sign-in" element={<h1>Sign in</h1>} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('AcceptPage', () => {
  it('greets the patient with their clinic and explains the password kindly', async () => {
    const { api } = fakeApi({ [VIEW_PATH]: view('pending') });
    renderAccept(api);

    expect(await screen.findByRole('heading', { name: 'Welcome, Maya' })).toBeInstanceOf(
      HTMLElement,
    );
    expect(screen.getByText(/Harbourside has invited you/)).toBeInstanceOf(HTMLElement);
    const hintId = screen.getByLabelText('Choose a password').getAttribute('aria-describedby');
    expect(document.getElementById(hintId ?? '')?.textContent).toMatch(/at least 12 characters/);
  });

  it('sets the password, signs in and lands on today', async () => {
    const { api, calls } = fakeApi({
      [VIEW_PATH]: view('pending'),
      'POST /patient-invitations/accept': () => ({
        status: 200,
        body: { email: 'maya@example.com', clinicId: 'c' },
      }),
      'POST /auth/sign-in': () => ({ status: 200, body: { accessToken: 't', expiresIn: 900 } }),
    });
    renderAccept(api);

    fireEvent.change(await screen.findByLabelText('Choose a password'), {
      target: { value: 'river lantern biscuit' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set up my account' }));

    expect(await screen.findByRole('heading', { name: 'Today' })).toBeInstanceOf(HTMLElement);
    expect(calls).toContainEqual({
      method: 'POST',
      path: '/patient-invitations/accept',
      body: { token: TOKEN, password: 'river lantern biscuit' },
    });
    expect(calls).toContainEqual({
      method: 'POST',
      path: '/auth/sign-in',
      body: { email: 'maya@example.com', password: 'river lantern biscuit', clinicId: 'c' },
    });
  });

  it('keeps a short password on the page with the problem beside it and at the top', async () => {
    const { api, calls } = fakeApi({ [VIEW_PATH]: view('pending') });
    renderAccept(api);

    fireEvent.change(await screen.findByLabelText('Choose a password'), {
      target: { value: 'short' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set up my account' }));

    expect(await screen.findAllByText(/at least 12 characters/)).toHaveLength(3);
    expect(screen.getByLabelText<HTMLInputElement>('Choose a password').value).toBe('short');
    expect(calls.some((call) => call.path === '/patient-invitations/accept')).toBe(false);
  });

  it('asks for the current password when the email already has an account', async () => {
    const { api } = fakeApi({
      [VIEW_PATH]: view('pending'),
      'POST /patient-invitations/accept': () => ({
        status: 400,
        body: {
          statusCode: 400,
          code: 'current_password_wrong',
          message: 'This email address already has an account.',
          fields: { password: ['Enter the current password'] },
        },
      }),
    });
    renderAccept(api);

    fireEvent.change(await screen.findByLabelText('Choose a password'), {
      target: { value: 'not the right one at all' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set up my account' }));

    expect(
      await screen.findAllByText(/already has an account. Enter the password you use for it/),
    ).not.toHaveLength(0);
  });

  it.each(['expired', 'revoked'])(
    'offers a fresh link calmly when the link is %s',
    async (status) => {
      const { api, calls } = fakeApi({
        [VIEW_PATH]: view(status),
        'POST /patient-invitations/fresh': () => ({
          status: 202,
          body: { message: 'A fresh one is on its way.' },
        }),
      });
      renderAccept(api);

      fireEvent.click(await screen.findByRole('button', { name: 'Send me a fresh link' }));

      expect(await screen.findByText('A fresh one is on its way.')).toBeInstanceOf(HTMLElement);
      expect(screen.getByText(/Nothing is lost/)).toBeInstanceOf(HTMLElement);
      expect(calls).toContainEqual({
        method: 'POST',
        path: '/patient-invitations/fresh',
        body: { token: TOKEN },
      });
    },
  );

  it('sends an accepted link to sign in', async () => {
    const { api } = fakeApi({ [VIEW_PATH]: view('accepted') });
    renderAccept(api);

    fireEvent.click(await screen.findByRole('link', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInstanceOf(HTMLElement);
  });

  it('says plainly when a link is missing or unknown', async () => {
    const { api } = fakeApi({});
    renderAccept(api, '#token=broken');

    expect((await screen.findByRole('alert')).textContent).toMatch(/copied the whole link/);
  });

  it('says the same of a link the server cannot read, not the server’s own words', async () => {
    const { api } = fakeApi({
      'GET /patient-invitations/broken': () => ({
        status: 400,
        body: {
          statusCode: 400,
          code: 'validation_failed',
          message: 'token must be the whole token',
        },
      }),
    });
    renderAccept(api, '#token=broken');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/copied the whole link/);
    expect(alert.textContent).not.toMatch(/must be the whole token/);
  });
});
