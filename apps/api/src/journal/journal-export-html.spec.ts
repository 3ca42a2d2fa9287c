import type { JournalEntryView, JournalExport } from '@ivks/contracts';
import { journalExportHtml } from './journal-export-html';

const entry = (overrides: Partial<JournalEntryView>): JournalEntryView => ({
  id: 'e1',
  clientId: 'c1',
  text: 'Words.',
  mood: null,
  tags: [],
  promptSlug: null,
  infusionId: null,
  status: 'saved',
  createdAt: '2026-12-04T02:30:00Z',
  updatedAt: '2026-12-04T02:30:00Z',
  sharing: { shared: false, via: null, since: null },
  replies: [],
  reads: [],
  ...overrides,
});

const journal = (entries: JournalEntryView[]): JournalExport => ({
  exportedAt: '2026-12-05T12:00:00Z',
  patient: { name: 'Maya <Lopez>', timeZone: 'America/Los_Angeles' },
  clinic: { name: 'Harbourside & Co' },
  entries,
});

describe('journalExportHtml', () => {
  it('escapes every word the patient and the care team wrote', () => {
    const html = journalExportHtml(
      journal([
        entry({
          text: '<script>alert("x")</script> & \'quotes\'',
          tags: ['<b>bold</b>'],
          replies: [
            {
              id: 'r1',
              authorName: 'Dr <i>Rivera</i>',
              text: '<img src=x onerror=alert(1)>',
              createdAt: '2026-12-04T03:00:00Z',
            },
          ],
        }),
      ]),
    );

    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;',
    );
    expect(html).toContain('Journal of Maya &lt;Lopez&gt;');
    expect(html).toContain('Harbourside &amp; Co');
  });

  it('gives dates in the patient’s zone, moods, tags, prompts, replies and reads, for print', () => {
    const html = journalExportHtml(
      journal([
        entry({
          mood: 7,
          tags: ['calm', 'family'],
          promptSlug: 'same-evening-check-in',
          sharing: { shared: true, via: 'entry', since: '2026-12-04T02:40:00Z' },
          replies: [
            {
              id: 'r1',
              authorName: 'Dr Rivera',
              text: 'Thank you.',
              createdAt: '2026-12-04T03:00:00Z',
            },
          ],
          reads: [{ readerName: 'Dr Rivera', readAt: '2026-12-04T02:50:00Z' }],
        }),
        entry({ id: 'e2', status: 'draft', text: 'First line\nsecond line' }),
      ]),
    );

    // 02:30 UTC on the 4th is the evening of the 3rd in Los Angeles.
    expect(html).toContain('<h2>Thu, Dec 3, 2026, 6:30 PM</h2>');
    expect(html).toContain('<dt>Mood</dt><dd>7 out of 10</dd>');
    expect(html).toContain('<dt>Tags</dt><dd>calm, family</dd>');
    expect(html).toContain('<dt>Prompt</dt><dd>The same evening: a gentle check-in</dd>');
    expect(html).toContain('Shared with your care team');
    expect(html).toContain('Draft, private');
    expect(html).toContain('Thank you.');
    expect(html).toContain('Read by Dr Rivera on Thu, Dec 3, 2026, 6:50 PM');
    expect(html).toContain('First line<br>second line');
    expect(html).toContain('@media print');
    expect(html).toContain('2 entries, newest first');
  });

  it('says so when there is nothing to export', () => {
    expect(journalExportHtml(journal([]))).toContain(
      'You have not written any journal entries yet.',
    );
  });
});
