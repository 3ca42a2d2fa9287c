import { JOURNAL_SHARING_CONSENT, type JournalEntryView } from '@ivks/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { fakeApi, journalEntry, renderSignedIn, type Answer } from '../testing/fake-api';
import { EntryPage } from './entry-page';
import { DraftStore } from './journal-drafts';

const PRIVATE = journalEntry('e1', 'The music carried me.');
const SHARED: JournalEntryView = {
  ...PRIVATE,
  sharing: { shared: true, via: 'entry', since: '2026-12-01T16:00:00Z' },
  replies: [
    {
      id: 'r1',
      authorName: 'Dr Rivera',
      text: 'Thank you for sharing this.',
      createdAt: '2026-12-02T10:00:00Z',
    },
  ],
  reads: [{ readerName: 'Dr Rivera', readAt: '2026-12-02T09:00:00Z' }],
};

function setUp(entry: JournalEntryView, routes: Record<string, (body: unknown) => Answer> = {}) {
  const fake = fakeApi({
    'GET /me/journal/e1': () => ({ status: 200, body: entry }),
    'GET /me/journal/consent': () => ({ status: 200, body: JOURNAL_SHARING_CONSENT }),
    ...routes,
  });
  const page = (
    <Routes>
      <Route path="/journal/entries/:id" element={<EntryPage />} />
      <Route path="/journal" element={<p>Journal page</p>} />
    </Routes>
  );

  return { ...fake, show: () => renderSignedIn(fake.api, page, '/journal/entries/e1') };
}

describe('EntryPage', () => {
  it('shows the consent wording before sharing, and shares on agreeing', async () => {
    const { calls, show } = setUp(PRIVATE, {
      'POST /me/journal/e1/share': () => ({ status: 200, body: SHARED }),
    });
    show();

    await expect(screen.findByText('The music carried me.')).resolves.toBeInstanceOf(HTMLElement);
    expect(screen.queryByText(/Only you can see this/)).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Share with my care team' }));
    expect(screen.queryByText(JOURNAL_SHARING_CONSENT.entry)).not.toBeNull();
    expect(calls.some((call) => call.path.endsWith('/share'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'I agree, share this entry' }));

    await expect(
      screen.findByRole('button', { name: 'Stop sharing this entry' }),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(calls.filter((call) => call.path.endsWith('/share')).map((call) => call.path)).toEqual([
      '/me/journal/e1/share',
    ]);
  });

  it('shows the care team’s replies and reads, and stops sharing at once', async () => {
    const { calls, show } = setUp(SHARED, {
      'DELETE /me/journal/e1/share': () => ({ status: 200, body: PRIVATE }),
    });
    show();

    await expect(screen.findByText('Thank you for sharing this.')).resolves.toBeInstanceOf(
      HTMLElement,
    );
    expect(screen.queryByText('Read by Dr Rivera on Dec 2, 2026')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop sharing this entry' }));

    await expect(
      screen.findByRole('button', { name: 'Share with my care team' }),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(calls.some((call) => call.method === 'DELETE')).toBe(true);
  });

  it('asks before deleting, and deletes only on yes', async () => {
    const { calls, show } = setUp(PRIVATE, {
      'DELETE /me/journal/e1': () => ({ status: 204 }),
    });
    new DraftStore(localStorage, 'u').write({
      clientId: PRIVATE.clientId,
      text: 'An edit never saved',
      mood: null,
      tags: [],
      promptSlug: null,
      infusionId: null,
      editedAt: Date.now(),
    });
    show();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete this entry' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/cannot get it back/);
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Delete this entry' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));

    await expect(screen.findByText('Journal page')).resolves.toBeInstanceOf(HTMLElement);
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([
      '/me/journal/e1',
    ]);
    expect(new DraftStore(localStorage, 'u').read(PRIVATE.clientId)).toBeNull();
  });

  it('shows the crisis resources with an entry whose words suggest crisis', async () => {
    const { show } = setUp(journalEntry('e1', 'I keep thinking about ending my life.'));
    show();

    await expect(
      screen.findByRole('region', { name: 'You do not have to hold this alone' }),
    ).resolves.toBeInstanceOf(HTMLElement);
  });

  it('says so when the entry is not there', async () => {
    const { show } = setUp(PRIVATE, {
      'GET /me/journal/e1': () => ({
        status: 404,
        body: {
          statusCode: 404,
          code: 'journal_entry_not_found',
          message: 'You have no journal entry with this id.',
        },
      }),
    });
    show();

    expect((await screen.findByRole('alert')).textContent).toBe(
      'You have no journal entry with this id.',
    );
  });
});
