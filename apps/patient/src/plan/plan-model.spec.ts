import { type ContentItem, contentBySlug } from '@ivks/content';
import { DateTime } from 'luxon';
import { assignment, infusion, NEW_YORK } from '../testing/fake-api';
import { dueInWords, dueNext, planSections, progressOf, taskTitle } from './plan-model';

const now = DateTime.fromISO('2026-03-10T14:00:00Z');

describe('planSections', () => {
  it('puts each infusion in date order, then what belongs to none, each by due time', () => {
    const first = infusion('i1', '2026-03-05T15:30:00Z');
    const second = infusion('i2', '2026-03-12T14:30:00Z');
    const sections = planSections([
      {
        infusion: null,
        assignments: [
          assignment(
            'e1',
            'iv-ketamine-and-ketamine-assisted-psychotherapy',
            '2026-03-01T10:00:00Z',
          ),
        ],
      },
      {
        infusion: second,
        assignments: [
          assignment('b2', 'infusion-day-checklist', '2026-03-12T11:00:00Z'),
          assignment('b1', 'infusion-preparation-checklist', '2026-03-10T14:30:00Z'),
        ],
      },
      {
        infusion: first,
        assignments: [assignment('a1', 'setting-an-intention', '2026-03-04T23:00:00Z')],
      },
      { infusion: infusion('i3', '2026-03-20T14:30:00Z'), assignments: [] },
    ]);

    expect(sections.map((section) => section.infusion?.id ?? 'none')).toEqual(['i1', 'i2', 'none']);
    expect(sections[1]?.assignments.map(({ id }) => id)).toEqual(['b1', 'b2']);
  });
});

describe('progressOf', () => {
  const due = '2026-03-10T12:00:00Z';

  it('calls an open task past its time "not done yet", and a later one "to do"', () => {
    expect(progressOf(assignment('a', 'setting-an-intention', due), now)).toBe('not_done_yet');
    expect(progressOf(assignment('a', 'setting-an-intention', '2026-03-11T12:00:00Z'), now)).toBe(
      'to_do',
    );
  });

  it('counts a task marked done, or a checklist with every entry ticked, as done', () => {
    expect(progressOf(assignment('a', 'setting-an-intention', due, { status: 'done' }), now)).toBe(
      'done',
    );
    const checklist = assignment('c', 'infusion-day-checklist', due);
    const ticked = {
      ...checklist,
      checklist: (checklist.checklist ?? []).map((entry) => ({ ...entry, checked: true })),
    };
    expect(progressOf(ticked, now)).toBe('done');
  });
});

describe('dueInWords', () => {
  it('reads the due time on the patient’s clock, with today and tomorrow in words', () => {
    expect(dueInWords('2026-03-10T23:00:00Z', NEW_YORK, now)).toBe('Due today at 7:00 pm');
    expect(dueInWords('2026-03-11T11:00:00Z', NEW_YORK, now)).toBe('Due tomorrow at 7:00 am');
    expect(dueInWords('2026-03-14T15:30:00Z', NEW_YORK, now)).toBe(
      'Due Saturday 14 March at 11:30 am',
    );
  });
});

describe('dueNext', () => {
  it('lists the open tasks due soonest, leaving out what is done', () => {
    const next = dueNext(
      [
        {
          infusion: null,
          assignments: [
            assignment('done', 'setting-an-intention', '2026-03-01T10:00:00Z', { status: 'done' }),
            assignment('later', 'next-day-reflection', '2026-03-13T14:00:00Z'),
          ],
        },
        {
          infusion: infusion('i', '2026-03-12T14:30:00Z'),
          assignments: [
            assignment('soon', 'infusion-preparation-checklist', '2026-03-10T14:30:00Z'),
            assignment('sooner', 'setting-an-intention', '2026-03-09T23:00:00Z'),
            assignment('last', 'same-evening-check-in', '2026-03-14T00:00:00Z'),
          ],
        },
      ],
      3,
    );

    expect(next.map(({ id }) => id)).toEqual(['sooner', 'soon', 'later']);
  });
});

describe('taskTitle', () => {
  const task = assignment('a', 'infusion-preparation-checklist', '2026-03-10T14:30:00Z');

  it('uses the library’s title for the item, as the clinic may have adapted it', () => {
    const adapted = {
      ...contentBySlug('infusion-preparation-checklist'),
      title: 'Before you come in',
    };

    expect(taskTitle(task, contentBySlug('infusion-preparation-checklist'))).toBe(
      'Getting ready for your infusion',
    );
    expect(taskTitle(task, adapted as ContentItem)).toBe('Before you come in');
  });
});
