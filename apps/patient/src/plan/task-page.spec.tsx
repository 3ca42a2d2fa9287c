import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  assignment,
  fakeApi,
  groups,
  infusion,
  renderSignedIn,
  todayView,
  type Answer,
} from '../testing/fake-api';
import { TaskPage } from './task-page';

const CHECKLIST = assignment('a1', 'infusion-preparation-checklist', '2099-03-10T14:30:00Z', {
  infusionId: 'i1',
});
const RIDE = 'Arrange a ride home with someone you trust.';
const CLOTHES = 'Pick out comfortable clothes, with a soft layer on top.';
const TICK_RIDE = 'PUT /me/assignments/a1/checklist/ride-home-arranged';

function setUp(routes: Record<string, (body: unknown) => Answer> = {}) {
  const fake = fakeApi({
    'GET /today': () => ({ status: 200, body: todayView() }),
    'GET /me/assignments': () => ({
      status: 200,
      body: groups({ infusion: infusion('i1', '2099-03-12T14:30:00Z'), assignments: [CHECKLIST] }),
    }),
    'GET /content/infusion-preparation-checklist': () => ({
      status: 200,
      body: { instructions: { fasting: 'Please have nothing to eat for six hours before.' } },
    }),
    [TICK_RIDE]: () => ({ status: 200, body: CHECKLIST }),
    ...routes,
  });
  const page = (
    <Routes>
      <Route path="/plan/:assignmentId" element={<TaskPage />} />
    </Routes>
  );

  return { ...fake, page, show: () => renderSignedIn(fake.api, page, '/plan/a1') };
}

const checkbox = (label: string) => screen.getByRole<HTMLInputElement>('checkbox', { name: label });
const status = () => document.querySelector('[aria-live="polite"]')?.textContent ?? '';
const puts = (calls: { method: string; path: string; body: unknown }[]) =>
  calls.filter((call) => call.method === 'PUT');

describe('TaskPage', () => {
  afterEach(() => localStorage.clear());

  it('shows a checklist as real checkboxes, and saves a tick at once', async () => {
    const { calls, show } = setUp();
    show();

    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      'Getting ready for your infusion',
    );
    // The label is part of the target, so a tap on the words ticks the box.
    fireEvent.click(screen.getByText(RIDE));

    expect(checkbox(RIDE).checked).toBe(true);
    await waitFor(() => expect(status()).toMatch(/^Saved at \d{1,2}:\d{2} (am|pm)\.$/));
    expect(puts(calls)).toEqual([
      {
        method: 'PUT',
        path: '/me/assignments/a1/checklist/ride-home-arranged',
        body: { checked: true },
      },
    ]);
    expect(checkbox(CLOTHES).checked).toBe(false);
  });

  it('keeps a tick made offline, says it is not saved yet, and saves it when back online', async () => {
    const { calls, network, show } = setUp();
    show();
    await screen.findByText(RIDE);

    network.offline = true;
    fireEvent.click(checkbox(RIDE));

    expect(checkbox(RIDE).checked).toBe(true);
    const entry = checkbox(RIDE).closest('li') as HTMLElement;
    await expect(
      within(entry).findByText('Not saved yet — we’ll keep trying.'),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(status()).toBe('Not saved yet — we’ll keep trying.');
    expect(localStorage.getItem('ivks.unsaved-ticks.u')).toContain('ride-home-arranged');

    network.offline = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });

    await waitFor(() => expect(status()).toMatch(/^Saved at /));
    expect(within(entry).queryByText('Not saved yet — we’ll keep trying.')).toBeNull();
    expect(checkbox(RIDE).checked).toBe(true);
    expect(puts(calls).at(-1)?.body).toEqual({ checked: true });
    expect(localStorage.getItem('ivks.unsaved-ticks.u')).toBeNull();
  });

  it('tries again by itself after a short wait when the server had a fault', async () => {
    let down = true;
    const { calls, show } = setUp({
      [TICK_RIDE]: () => (down ? { status: 503 } : { status: 200, body: CHECKLIST }),
    });
    show();
    await screen.findByText(RIDE);

    fireEvent.click(checkbox(RIDE));
    await waitFor(() => expect(status()).toBe('Not saved yet — we’ll keep trying.'));
    down = false;

    // The first retry comes two seconds after the failure.
    await waitFor(() => expect(status()).toMatch(/^Saved at /), { timeout: 4_000 });
    expect(puts(calls)).toHaveLength(2);
  });

  it('sends a tick left unsaved when the tab closed, as soon as the page loads again', async () => {
    const { calls, network, show } = setUp();
    const first = show();
    await screen.findByText(RIDE);
    network.offline = true;
    fireEvent.click(checkbox(RIDE));
    await screen.findByText('Not saved yet — we’ll keep trying.', { selector: '.tick-note' });
    first.unmount();

    network.offline = false;
    show();

    await waitFor(() => expect(status()).toMatch(/^Saved at /));
    expect(checkbox(RIDE).checked).toBe(true);
    expect(puts(calls).at(-1)).toEqual({
      method: 'PUT',
      path: '/me/assignments/a1/checklist/ride-home-arranged',
      body: { checked: true },
    });
  });

  it('does not retry a tick the server refuses: it says why and shows what is saved', async () => {
    const { calls, show } = setUp({
      [TICK_RIDE]: () => ({
        status: 409,
        body: {
          statusCode: 409,
          code: 'assignment_withdrawn',
          message: 'Your clinic has withdrawn this assignment.',
        },
      }),
    });
    show();
    await screen.findByText(RIDE);

    fireEvent.click(checkbox(RIDE));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'We could not save this. Your clinic has withdrawn this assignment.',
    );
    expect(checkbox(RIDE).checked).toBe(false);
    expect(localStorage.getItem('ivks.unsaved-ticks.u')).toBeNull();
    expect(puts(calls)).toHaveLength(1);
  });

  it('shows the clinic’s own words where it wrote them, and otherwise points to the clinic', async () => {
    const { show } = setUp();
    show();

    const fasting = (await screen.findByText('Please have nothing to eat for six hours before.'))
      .parentElement as HTMLElement;
    expect(fasting.textContent).toBe(
      'Your clinic says:Please have nothing to eat for six hours before.',
    );
    const medicines = checkbox("Read your clinic's instructions about your usual medicines.");
    expect(medicines.getAttribute('aria-describedby')).toBe(
      'entry-medicine-instructions-read-clinic',
    );
    expect(document.getElementById('entry-medicine-instructions-read-clinic')?.textContent).toBe(
      'Ask your clinic about this.',
    );
    // Entries about nothing physical carry no instructions at all.
    expect(checkbox(RIDE).getAttribute('aria-describedby')).toBeNull();
  });

  it('marks a task that is not a checklist as done, and as not done again', async () => {
    const guide = assignment('g1', 'setting-an-intention', '2099-03-11T23:00:00Z');
    let done = false;
    const { api, calls, page } = setUp({
      'GET /me/assignments': () => ({
        status: 200,
        body: groups({
          infusion: null,
          assignments: [{ ...guide, status: done ? 'done' : 'open' }],
        }),
      }),
      'PUT /me/assignments/g1/done': (body) => {
        done = (body as { done: boolean }).done;

        return { status: 200, body: guide };
      },
    });
    renderSignedIn(api, page, '/plan/g1');

    fireEvent.click(await screen.findByRole('button', { name: 'Mark as done' }));

    expect(screen.queryByText('You have marked this as done.')).not.toBeNull();
    await waitFor(() => expect(status()).toMatch(/^Saved at /));
    expect(done).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Mark as not done' }));
    await waitFor(() => expect(done).toBe(false));
    expect(screen.queryByRole('button', { name: 'Mark as done' })).not.toBeNull();
    expect(puts(calls).map(({ body }) => body)).toEqual([{ done: true }, { done: false }]);
  });

  it('says kindly when the task is not on the plan any more', async () => {
    const { api, page } = setUp();
    renderSignedIn(api, page, '/plan/not-there');

    await expect(
      screen.findByRole('heading', { name: 'We could not find that task' }),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(screen.getByRole('link', { name: 'Back to your plan' }).getAttribute('href')).toBe(
      '/plan',
    );
  });
});
