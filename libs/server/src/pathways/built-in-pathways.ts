import type { BuiltInPathway, PathwayTaskInput } from '@ivks/contracts';

/** A pathway the portal creates for a clinic, which the clinic may then edit as its own. */
export interface PathwayTemplate {
  builtIn: BuiltInPathway;
  name: string;
  description: string;
  tasks: readonly Required<Omit<PathwayTaskInput, 'id'>>[];
}

const FORTY_EIGHT_HOURS = 48 * 60;
const SEVEN_DAYS = 7 * 24 * 60;

/** The usual course: six infusions over two to three weeks, each prepared for and reflected on. */
export const SIX_INFUSION_COURSE: PathwayTemplate = {
  builtIn: 'six_infusion_course',
  name: 'Six-infusion course',
  description:
    'Preparation before each infusion, a check-in the same evening and the morning after, ' +
    'and a look back a week after the last one.',
  tasks: [
    {
      contentSlug: 'iv-ketamine-and-ketamine-assisted-psychotherapy',
      timing: { anchor: 'enrolment', offset: { kind: 'duration', minutes: 0 } },
    },
    {
      contentSlug: 'before-your-first-infusion',
      timing: { anchor: 'first_infusion', offset: { kind: 'local_time', days: -3, time: '18:00' } },
    },
    {
      contentSlug: 'what-an-infusion-can-feel-like',
      timing: {
        anchor: 'first_infusion',
        offset: { kind: 'duration', minutes: -FORTY_EIGHT_HOURS },
      },
    },
    {
      contentSlug: 'infusion-preparation-checklist',
      timing: {
        anchor: 'each_infusion',
        offset: { kind: 'duration', minutes: -FORTY_EIGHT_HOURS },
      },
    },
    {
      contentSlug: 'setting-an-intention',
      timing: { anchor: 'each_infusion', offset: { kind: 'local_time', days: -1, time: '19:00' } },
    },
    {
      contentSlug: 'infusion-day-checklist',
      timing: { anchor: 'each_infusion', offset: { kind: 'local_time', days: 0, time: '07:00' } },
    },
    {
      contentSlug: 'after-your-infusion-checklist',
      timing: { anchor: 'each_infusion', offset: { kind: 'duration', minutes: 120 } },
    },
    {
      contentSlug: 'same-evening-check-in',
      timing: { anchor: 'each_infusion', offset: { kind: 'local_time', days: 0, time: '20:00' } },
    },
    {
      contentSlug: 'next-day-reflection',
      timing: { anchor: 'each_infusion', offset: { kind: 'local_time', days: 1, time: '09:00' } },
    },
    {
      contentSlug: 'looking-back-over-your-course',
      timing: { anchor: 'last_infusion', offset: { kind: 'duration', minutes: SEVEN_DAYS } },
    },
  ],
};

export const BUILT_IN_PATHWAY_TEMPLATES: Record<BuiltInPathway, PathwayTemplate> = {
  six_infusion_course: SIX_INFUSION_COURSE,
};
