import { escapeHtml } from '../text/escape-html';

/** An email's subject and its two bodies, plain text and HTML, saying the same thing. */
export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailContent {
  subject: string;
  /** Each paragraph is plain text; it is escaped for the HTML body. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A closing line under the action, such as how long a link stays valid. */
  footnote?: string;
}

// Patients' inboxes may be seen by others, so emails never name the treatment, not even in the
// product's name.
const SIGNATURE = 'Your patient portal';

/**
 * Lays an email out the same way every time. Emails name no treatment, infusion or health
 * detail: they say that something is waiting and link to the portal.
 */
export function composeEmail(content: EmailContent): ComposedEmail {
  const text = [
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    ...(content.footnote ? [content.footnote] : []),
    `— ${SIGNATURE}`,
  ].join('\n\n');

  const paragraphs = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  const action = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#2f5d62;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="font-size:13px;color:#555555">If the button does not work, copy this address into your browser: ${escapeHtml(content.action.url)}</p>`
    : '';
  const footnote = content.footnote
    ? `<p style="font-size:13px;color:#555555">${escapeHtml(content.footnote)}</p>`
    : '';
  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px">',
    ...paragraphs,
    action,
    footnote,
    `<p style="color:#555555">${SIGNATURE}</p>`,
    '</body></html>',
  ].join('');

  return { subject: content.subject, text, html };
}
