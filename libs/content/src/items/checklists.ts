import type { ChecklistItem } from '../content.types';

/**
 * Entries with a `clinicInstruction` only point the patient to the clinic: fasting, medicines and
 * driving differ from clinic to clinic and person to person, and are for the clinic alone to say.
 */
export const CHECKLISTS: readonly ChecklistItem[] = [
  {
    slug: 'before-your-first-infusion',
    kind: 'checklist',
    phase: 'preparation',
    title: 'Before your first infusion',
    summary: 'A few things to set up once, at the start of your course.',
    estimatedMinutes: 15,
    items: [
      { id: 'clinic-number-saved', label: "Save your clinic's phone number in your phone." },
      {
        id: 'get-help-now-found',
        label: 'Find the "Get help now" button, so you know where it is.',
      },
      { id: 'chaperone-chosen', label: 'Choose who will take you home after each infusion.' },
      { id: 'reminders-chosen', label: 'Turn on reminders, if you would like them.' },
      { id: 'questionnaires-done', label: 'Fill in the questionnaires your clinic has asked for.' },
      {
        id: 'sharing-decided',
        label:
          'Decide what, if anything, you want to share with your care team. You can change it any time.',
      },
      {
        id: 'questions-written',
        label:
          'Write down any questions you have. Ask your prescribing clinician about anything to do with your health.',
      },
      {
        id: 'first-journal-entry',
        label: 'Write a first journal entry about how you feel right now.',
      },
    ],
  },
  {
    slug: 'infusion-preparation-checklist',
    kind: 'checklist',
    phase: 'preparation',
    title: 'Getting ready for your infusion',
    summary: 'Everything to sort out in the days before each infusion.',
    estimatedMinutes: 10,
    items: [
      { id: 'ride-home-arranged', label: 'Arrange a ride home with someone you trust.' },
      {
        id: 'chaperone-briefed',
        label: 'Share the plan for the day and the chaperone tips with the person taking you home.',
      },
      {
        id: 'fasting-instructions-read',
        label: "Read your clinic's instructions about eating and drinking before your infusion.",
        clinicInstruction: 'fasting',
      },
      {
        id: 'medicine-instructions-read',
        label: "Read your clinic's instructions about your usual medicines.",
        clinicInstruction: 'medicines',
      },
      {
        id: 'comfortable-clothes',
        label: 'Pick out comfortable clothes, with a soft layer on top.',
      },
      { id: 'playlist-ready', label: 'Choose a playlist and check that it plays on your phone.' },
      {
        id: 'intention-written',
        label: 'Write down your intention, or one word to carry with you.',
      },
      { id: 'day-kept-free', label: 'Keep the rest of the day free of other plans.' },
    ],
  },
  {
    slug: 'infusion-day-checklist',
    kind: 'checklist',
    phase: 'infusion_day',
    title: 'On the morning of your infusion',
    summary: 'A last look before you leave home.',
    estimatedMinutes: 5,
    items: [
      {
        id: 'arrival-instructions-read',
        label: "Check your clinic's instructions about when to arrive.",
        clinicInstruction: 'arrival',
      },
      {
        id: 'what-to-bring-read',
        label: "Check your clinic's list of what to bring.",
        clinicInstruction: 'what_to_bring',
      },
      { id: 'headphones-charged', label: 'Charge your phone and headphones.' },
      { id: 'playlist-downloaded', label: 'Download your playlist, in case the signal is weak.' },
      { id: 'eye-mask-packed', label: 'Pack an eye mask or a soft scarf, if you like the dark.' },
      { id: 'warm-layer-packed', label: 'Bring a warm layer, like a sweater or a small blanket.' },
      { id: 'pick-up-confirmed', label: 'Confirm the pick-up time with your chaperone.' },
      { id: 'intention-read', label: 'Read your intention once, then let it rest.' },
    ],
  },
  {
    slug: 'after-your-infusion-checklist',
    kind: 'checklist',
    phase: 'infusion_day',
    title: 'When you get home',
    summary: 'Small things that help the rest of the day feel calm and safe.',
    estimatedMinutes: 5,
    items: [
      {
        id: 'driving-instructions-read',
        label: "Read your clinic's instructions about driving after your infusion.",
        clinicInstruction: 'driving',
      },
      {
        id: 'chaperone-staying',
        label: 'Check that your chaperone can stay for as long as your clinic asked.',
      },
      {
        id: 'rest-space-ready',
        label: 'Make a cozy place to rest, with a blanket and soft light.',
      },
      { id: 'evening-kept-free', label: 'Keep the evening free of work and big decisions.' },
      { id: 'evening-playlist', label: 'Pick a calm playlist for the evening.' },
      { id: 'journal-nearby', label: 'Keep your journal or phone close by, for any thoughts.' },
      {
        id: 'clinic-number-nearby',
        label: "Keep your clinic's phone number where you can find it.",
      },
    ],
  },
];
