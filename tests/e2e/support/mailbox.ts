/** Where scripts/e2e.sh runs the mail catcher (tools/mail-catcher) that the API and worker send to. */
export const MAIL_CATCHER_URL = process.env.MAIL_CATCHER_URL ?? 'http://127.0.0.1:1080';

/** The catcher refuses mail to this domain for good, as a server refuses a mistyped address. */
export const REFUSED_DOMAIN = 'refused.example';

/** One email the catcher received, as its HTTP API returns it. */
export interface CaughtEmail {
  id: string;
  /** The envelope's recipients, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface EmailWanted {
  to: string;
  subject?: RegExp;
  /** Only an email received at or after this instant; take it before the step that sends. */
  after?: Date;
  timeoutMs?: number;
}

/** The newest email that matches, once it has arrived; fails naming what did arrive. */
export async function waitForEmail(wanted: EmailWanted): Promise<CaughtEmail> {
  const deadline = Date.now() + (wanted.timeoutMs ?? 15_000);
  let seen: CaughtEmail[] = [];
  for (;;) {
    seen = await emailsTo(wanted.to);
    const match = seen.find(
      (message) =>
        (!wanted.subject || wanted.subject.test(message.subject)) &&
        (!wanted.after || Date.parse(message.receivedAt) >= wanted.after.getTime()),
    );
    if (match) {
      return match;
    }
    if (Date.now() >= deadline) {
      const subjects = seen.map((message) => `"${message.subject}" at ${message.receivedAt}`);
      throw new Error(
        `No email to ${wanted.to}${wanted.subject ? ` with a subject like ${String(wanted.subject)}` : ''}` +
          `${wanted.after ? ` after ${wanted.after.toISOString()}` : ''} arrived at ${MAIL_CATCHER_URL}. ` +
          `It has ${subjects.length === 0 ? 'none for that address' : subjects.join(', ')}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every email to the address, newest first. */
export async function emailsTo(address: string): Promise<CaughtEmail[]> {
  const response = await fetch(
    `${MAIL_CATCHER_URL}/api/messages?to=${encodeURIComponent(address)}`,
  );
  if (!response.ok) {
    throw new Error(`The mail catcher at ${MAIL_CATCHER_URL} answered ${response.status}.`);
  }

  return (await response.json()) as CaughtEmail[];
}

/** Forgets every email the catcher holds. */
export async function clearMailbox(): Promise<void> {
  await fetch(`${MAIL_CATCHER_URL}/api/messages`, { method: 'DELETE' });
}

/** The first http(s) link of the email's text body. */
export function firstLink(message: CaughtEmail): string {
  // A sentence may end right after a link; its full stop is not part of it.
  const link = /https?:\/\/[^\s<>"')]+/.exec(message.text)?.[0]?.replace(/[.,;:!?]+$/, '');
  if (!link) {
    throw new Error(`The email "${message.subject}" has no link in its text body.`);
  }

  return link;
}
