import type { JournalEntryView, JournalExport } from '@ivks/contracts';
import { contentBySlug } from '@ivks/content';
import { escapeHtml } from '@ivks/server';
import { DateTime } from 'luxon';

function when(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toLocaleString(
    DateTime.DATETIME_MED_WITH_WEEKDAY,
    { locale: 'en-US' },
  );
}

function promptTitle(slug: string): string {
  const item = contentBySlug(slug);

  return item?.kind === 'journal_template' ? item.title : slug;
}

/** Line breaks the patient typed stay line breaks; blank lines start a new paragraph. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function sharingLine(entry: JournalEntryView): string {
  if (entry.status === 'draft') {
    return 'Draft, private';
  }
  if (!entry.sharing.shared) {
    return 'Private';
  }

  return entry.sharing.via === 'all'
    ? 'Shared with your care team (all entries)'
    : 'Shared with your care team';
}

function entryHtml(entry: JournalEntryView, timeZone: string): string {
  const facts = [
    `<dt>Status</dt><dd>${escapeHtml(sharingLine(entry))}</dd>`,
    entry.mood === null ? '' : `<dt>Mood</dt><dd>${entry.mood} out of 10</dd>`,
    entry.tags.length === 0
      ? ''
      : `<dt>Tags</dt><dd>${entry.tags.map((tag) => escapeHtml(tag)).join(', ')}</dd>`,
    entry.promptSlug === null
      ? ''
      : `<dt>Prompt</dt><dd>${escapeHtml(promptTitle(entry.promptSlug))}</dd>`,
  ].join('');
  const replies = entry.replies
    .map(
      (reply) =>
        `<li><p class="meta">${escapeHtml(reply.authorName)}, ${escapeHtml(
          when(reply.createdAt, timeZone),
        )}</p>${paragraphs(reply.text)}</li>`,
    )
    .join('\n');
  const reads = entry.reads
    .map(
      (read) =>
        `<li>Read by ${escapeHtml(read.readerName)} on ${escapeHtml(when(read.readAt, timeZone))}</li>`,
    )
    .join('\n');

  return [
    '<article class="entry">',
    `<h2>${escapeHtml(when(entry.createdAt, timeZone))}</h2>`,
    `<dl>${facts}</dl>`,
    `<div class="text">${paragraphs(entry.text)}</div>`,
    replies === ''
      ? ''
      : `<h3>Replies from your care team</h3>\n<ul class="replies">${replies}</ul>`,
    reads === '' ? '' : `<ul class="reads">${reads}</ul>`,
    '</article>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

const STYLE = `
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; margin: 2rem auto; max-width: 42rem; padding: 0 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.entry { border-top: 1px solid #999; padding: 1rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0 0 0.75rem; font-size: 0.9rem; }
dt { font-weight: bold; }
dd { margin: 0; }
.meta, .reads, .intro { color: #444; font-size: 0.9rem; }
.replies { list-style: none; padding-left: 1rem; border-left: 3px solid #ccc; }
.reads { padding-left: 1.2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .entry { break-inside: avoid-page; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The patient's journal as one document to read, keep or print; it loads nothing else. */
export function journalExportHtml(journal: JournalExport): string {
  const { timeZone } = journal.patient;
  const entries =
    journal.entries.length === 0
      ? '<p>You have not written any journal entries yet.</p>'
      : journal.entries.map((entry) => entryHtml(entry, timeZone)).join('\n');

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Journal of ${escapeHtml(journal.patient.name)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>Journal of ${escapeHtml(journal.patient.name)}</h1>`,
    `<p class="intro">${journal.entries.length} ${
      journal.entries.length === 1 ? 'entry' : 'entries'
    }, newest first, exported on ${escapeHtml(when(journal.exportedAt, timeZone))} from ${escapeHtml(
      journal.clinic.name,
    )}. Times are in ${escapeHtml(timeZone)}.</p>`,
    entries,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
