import type { ReminderKind } from '@ivks/contracts';
import { composeEmail, type ComposedEmail } from '@ivks/server';

export interface InAppMessage {
  title: string;
  body: string;
  link: string;
}

/**
 * What the patient reads under the bell, inside the signed-in portal. It says what kind of thing
 * is waiting; the details are on the page it links to.
 */
export function inAppMessage(kind: ReminderKind, subjectId: string): InAppMessage {
  switch (kind) {
    case 'infusion_day_before':
      return {
        title: 'Your infusion is tomorrow',
        body: 'Have a look at what to do before it, and confirm you are ready.',
        link: '/',
      };
    case 'infusion_morning':
      return {
        title: 'Your infusion is today',
        body: 'Please confirm that your ride home and your chaperone are arranged.',
        link: '/',
      };
    case 'assignment_due':
      return {
        title: 'Something from your care team is due',
        body: 'A task in your plan is due now.',
        link: `/plan/${subjectId}`,
      };
    case 'journal_prompt':
      return {
        title: 'How are you feeling?',
        body: 'A few words in your journal can help you and your care team.',
        link: '/journal',
      };
  }
}

/**
 * The email that goes with a reminder. It names nothing about treatment: it says that
 * something is waiting and links to the portal and to the patient's notification settings.
 */
export function reminderEmail(patientAppUrl: string): ComposedEmail {
  const base = patientAppUrl.replace(/\/+$/, '');

  return composeEmail({
    subject: 'Something is waiting for you in your portal',
    paragraphs: [
      'Hello,',
      'There is something new for you in your patient portal. Sign in to see it.',
    ],
    action: { label: 'Open your portal', url: `${base}/notifications` },
    footnote: `To choose how and when we contact you, visit ${base}/settings/notifications.`,
  });
}
