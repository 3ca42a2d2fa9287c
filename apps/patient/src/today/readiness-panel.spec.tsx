import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { DateTime } from 'luxon';
import {
  assignment,
  fakeApi,
  groups,
  infusion,
  NEW_YORK,
  renderSignedIn,
  todayView,
} from '../testing/fake-api';
import { isInfusionDay, ReadinessPanel } from './readiness-panel';
import { TodayPage } from './today-page';

// 10:30 am in New York on Thursday 12 March 2099.
const INFUSION = infusion('i1', '2099-03-12T14:30:00Z');
const SAME_MORNING = DateTime.fromISO('2099-03-12T11:00:00Z');
const READINESS = 'PUT /me/infusions/i1/readiness';

function readinessApi(
  saved = { rideArranged: true, instructionsFollowed: false, chaperoneBriefed: false },
) {
  let stored = saved;

  return fakeApi({
    'GET /me/infusions/i1/readiness': () => ({
      status: 200,
      body: { infusionId: 'i1', ...stored, confirmedAt: null, updatedAt: null },
    }),
    [READINESS]: (body) => {
      stored = body as typeof stored;

      return {
        status: 200,
        body: { infusionId: 'i1', ...stored, confirmedAt: null, updatedAt: null },
      };
    },
  });
}

describe('isInfusionDay', () => {
  it('reads the day on the patient’s calendar, not in UTC', () => {
    // 02:00 UTC on the 12th is still the evening of the 11th in New York.
    const evenBefore = DateTime.fromISO('2099-03-12T02:00:00Z');

    expect(isInfusionDay(INFUSION, NEW_YORK, evenBefore)).toBe(false);
    expect(isInfusionDay(INFUSION, 'UTC', evenBefore)).toBe(true);
    expect(isInfusionDay(INFUSION, NEW_YORK, SAME_MORNING)).toBe(true);
  });
});

describe('ReadinessPanel', () => {
  afterEach(() => localStorage.clear());

  it('is not there on any other day', async () => {
    const { api, calls } = readinessApi();
    renderSignedIn(
      api,
      <ReadinessPanel
        infusion={INFUSION}
        timeZone={NEW_YORK}
        now={SAME_MORNING.minus({ days: 1 })}
      />,
    );

    // Let the session settle, so that a request the panel might make would have been made.
    await waitFor(() => expect(calls.map(({ path }) => path)).toContain('/me'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));

    expect(screen.queryByRole('heading', { name: 'Are you ready for today?' })).toBeNull();
    expect(calls.some(({ path }) => path.includes('readiness'))).toBe(false);
  });

  it('loads the answers given so far, saves each tick, and says warmly when all three are done', async () => {
    const { api, calls } = readinessApi();
    renderSignedIn(
      api,
      <ReadinessPanel infusion={INFUSION} timeZone={NEW_YORK} now={SAME_MORNING} />,
    );

    const ride = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'My ride home is arranged',
    });
    expect(ride.checked).toBe(true);
    expect(screen.queryByText(/You’re all set/)).toBeNull();

    fireEvent.click(screen.getByText('I have followed my clinic’s instructions for today'));
    fireEvent.click(screen.getByText('The person taking me home knows the plan for the day'));

    await expect(
      screen.findByText('You’re all set. Your clinic can see you’re ready.'),
    ).resolves.toBeInstanceOf(HTMLElement);
    const saves = calls.filter(({ method }) => method === 'PUT');
    expect(saves.at(-1)).toEqual({
      method: 'PUT',
      path: '/me/infusions/i1/readiness',
      body: { rideArranged: true, instructionsFollowed: true, chaperoneBriefed: true },
    });
  });

  it('does not tell the patient the clinic can see it before the answers are saved', async () => {
    const { api, network } = readinessApi({
      rideArranged: true,
      instructionsFollowed: true,
      chaperoneBriefed: false,
    });
    renderSignedIn(
      api,
      <ReadinessPanel infusion={INFUSION} timeZone={NEW_YORK} now={SAME_MORNING} />,
    );
    await screen.findByText('My ride home is arranged');

    network.offline = true;
    fireEvent.click(screen.getByText('The person taking me home knows the plan for the day'));

    await expect(
      screen.findByText(
        'You’re all set. Your clinic will see it as soon as your answers are saved.',
      ),
    ).resolves.toBeInstanceOf(HTMLElement);
    await waitFor(() =>
      expect(document.querySelector('.save-status')?.textContent).toBe(
        'Not saved yet — we’ll keep trying.',
      ),
    );
  });
});

describe('TodayPage', () => {
  afterEach(() => localStorage.clear());

  it('lists what is due now and next, linking to each task', async () => {
    const { api } = fakeApi({
      'GET /today': () => ({
        status: 200,
        body: todayView(infusion('i9', '2099-03-20T14:30:00Z')),
      }),
      'GET /me/assignments': () => ({
        status: 200,
        body: groups({
          infusion: null,
          assignments: [
            assignment('done', 'setting-an-intention', '2020-03-01T10:00:00Z', { status: 'done' }),
            assignment('a1', 'infusion-preparation-checklist', '2099-03-18T14:30:00Z'),
            assignment('a2', 'setting-an-intention', '2099-03-19T23:00:00Z'),
            assignment('a3', 'infusion-day-checklist', '2099-03-20T11:00:00Z'),
            assignment('a4', 'same-evening-check-in', '2099-03-21T00:00:00Z'),
          ],
        }),
      }),
    });
    renderSignedIn(api, <TodayPage />);

    const section = await screen.findByRole('region', { name: 'Due now and next' });
    await waitFor(() => expect(section.querySelectorAll('li')).toHaveLength(3));
    expect([...section.querySelectorAll('li a')].map((link) => link.getAttribute('href'))).toEqual([
      '/plan/a1',
      '/plan/a2',
      '/plan/a3',
    ]);
    // Not infusion day, so no readiness questions.
    expect(screen.queryByRole('heading', { name: 'Are you ready for today?' })).toBeNull();
  });
});
