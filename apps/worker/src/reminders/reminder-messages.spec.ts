import { REMINDER_KINDS } from '@ivks/contracts';
import { inAppMessage, reminderEmail } from './reminder-messages';

describe('reminder messages', () => {
  const email = reminderEmail('https://portal.example/');

  it('says only that something is waiting, with no treatment words', () => {
    const words = `${email.subject} ${email.text} ${email.html}`.toLowerCase();

    for (const word of ['infusion', 'ketamine dose', 'journal', 'treatment', 'assignment']) {
      expect(words).not.toContain(word);
    }
  });

  it('links to the portal and to the notification settings', () => {
    expect(email.text).toContain('https://portal.example/notifications');
    expect(email.text).toContain('https://portal.example/settings/notifications');
  });

  it.each(REMINDER_KINDS)('gives %s an in-app message with a path inside the app', (kind) => {
    const message = inAppMessage(kind, '5b0b5f86-7a44-4a6e-9a0e-51a3d1f4f3a1');

    expect(message.title.length).toBeGreaterThan(0);
    expect(message.link).toMatch(/^\/[A-Za-z0-9/_-]*$/);
  });
});
