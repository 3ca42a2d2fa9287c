import { screen, within } from '@testing-library/react';
import {
  assignment,
  fakeApi,
  groups,
  infusion,
  renderSignedIn,
  todayView,
} from '../testing/fake-api';
import { PlanPage } from './plan-page';

describe('PlanPage', () => {
  afterEach(() => localStorage.clear());

  it('groups tasks under each infusion on the patient’s clock, then those before the course', async () => {
    const { api } = fakeApi({
      'GET /today': () => ({ status: 200, body: todayView() }),
      'GET /me/assignments': () => ({
        status: 200,
        body: groups(
          {
            infusion: null,
            assignments: [
              assignment(
                'e1',
                'iv-ketamine-and-ketamine-assisted-psychotherapy',
                '2020-03-01T10:00:00Z',
                {
                  status: 'done',
                },
              ),
            ],
          },
          {
            infusion: infusion('i1', '2099-03-12T14:30:00Z'),
            assignments: [
              assignment('a2', 'infusion-day-checklist', '2099-03-12T11:00:00Z'),
              assignment('a1', 'infusion-preparation-checklist', '2099-03-10T14:30:00Z'),
            ],
          },
          {
            infusion: infusion('i0', '2020-03-05T15:30:00Z'),
            assignments: [assignment('z1', 'setting-an-intention', '2020-03-04T23:00:00Z')],
          },
        ),
      }),
    });
    renderSignedIn(api, <PlanPage />);

    const headings = (await screen.findAllByRole('heading', { level: 2 })).map(
      (heading) => heading.textContent,
    );
    expect(headings).toEqual([
      'Infusion on Thursday 5 March 2020, 10:30 am (New York time)',
      'Infusion on Thursday 12 March 2099, 10:30 am (New York time)',
      'Before your course starts',
    ]);

    const upcoming = screen.getByRole('region', { name: /12 March 2099/ });
    const links = within(upcoming).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Getting ready for your infusion', '/plan/a1'],
      ['On the morning of your infusion', '/plan/a2'],
    ]);
    expect(within(upcoming).getAllByText('To do')).toHaveLength(2);
    expect(within(upcoming).queryByText('Due Tuesday 10 March 2099 at 10:30 am')).not.toBeNull();

    // Past its time but not done: said calmly, with no alarm.
    const past = screen.getByRole('region', { name: /5 March 2020/ });
    expect(within(past).getByText('Not done yet').className).toBe('tag tag--not-done-yet');
    expect(
      within(screen.getByRole('region', { name: 'Before your course starts' })).queryByText('Done'),
    ).not.toBeNull();
  });

  it('says so kindly when the clinic has given nothing to do yet', async () => {
    const { api } = fakeApi({
      'GET /today': () => ({ status: 200, body: todayView() }),
      'GET /me/assignments': () => ({ status: 200, body: groups() }),
    });
    renderSignedIn(api, <PlanPage />);

    await expect(
      screen.findByText(/Your clinic has not given you anything to do yet/),
    ).resolves.toBeInstanceOf(HTMLElement);
  });
});
