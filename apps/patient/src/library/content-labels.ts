import type {
  ClinicInstructionTopic,
  ContentKind,
  ContentPhase,
  JournalTiming,
  PlaylistMoment,
} from '@ivks/content';

/** What each kind is called on its own and in a filter, in words a patient would use. */
export const KIND_LABELS: Record<ContentKind, { one: string; many: string }> = {
  guide: { one: 'Guide', many: 'Guides' },
  journal_template: { one: 'Journal prompts', many: 'Journal prompts' },
  playlist: { one: 'Playlist', many: 'Playlists' },
  chaperone_tip: { one: 'Chaperone tips', many: 'Chaperone tips' },
  checklist: { one: 'Checklist', many: 'Checklists' },
  exercise: { one: 'Calming exercise', many: 'Calming exercises' },
  article: { one: 'Article', many: 'Articles' },
};

export const PHASE_LABELS: Record<ContentPhase, string> = {
  preparation: 'Getting ready',
  infusion_day: 'Infusion day',
  integration: 'After an infusion',
  any_time: 'Any time',
};

export const JOURNAL_TIMING_LABELS: Record<JournalTiming, string> = {
  same_evening: 'These questions are for the evening after an infusion.',
  next_day: 'These questions are for the day after an infusion.',
  following_week: 'These questions are for the week after an infusion.',
  any_time: 'You can use these questions whenever you like.',
};

export const MOMENT_LABELS: Record<PlaylistMoment, string> = {
  before: 'Before an infusion',
  during: 'During an infusion',
  after: 'After an infusion',
};

/** How a checklist names the topic that only the clinic's own instructions may cover. */
export const CLINIC_TOPIC_LABELS: Record<ClinicInstructionTopic, string> = {
  fasting: 'eating and drinking',
  medicines: 'medicines',
  arrival: 'when to arrive',
  what_to_bring: 'what to bring',
  driving: 'driving',
};

/** "About 1 minute", "About 5 minutes". */
export function minutesLabel(minutes: number): string {
  return `About ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
