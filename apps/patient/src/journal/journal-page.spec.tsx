import { fireEvent, screen, waitFor } from '@testing-library/react';
import { JOURNAL_SHARING_CONSENT } from '@ivks/contracts';
import { fakeApi, journalEntry, renderSignedIn, type Answer } from '../testing/fake-api';
import { DraftStore } from './journal-drafts';
import { JournalPage } from './journal-page';

const SHARED = journalEntry('e2', 'Shared words about the music.', {
  createdAt: '2026-12-03T15:00:00Z',
  mood: 8,
  tags: ['music', 'calm'],
  sharing: { shared: true, via: 'entry', since: '2026-12-03T16:00:00Z' },
  replies: [
    { id: 'r1', authorName: 'Dr Rivera', text: 'Thank you.', createdAt: '2026-12-03T17:00:00Z' },
  ],
  reads: [{ readerName: 'Dr Rivera', readAt: '2026-12-03T16:30:00Z' }],
});
const PRIVATE = journalEntry('e1', 'Private words.', { createdAt: '2026-12-01T15:00:00Z' });

function setUp(routes: Record<string, (body: unknown) => Answer> = {}) {
  const fake = fakeApi({
    'GET /me/journal': () => ({ status: 200, body: [SHARED, PRIVATE] }),
    'GET /me/journal/share-all': () => ({
      status: 200,
      body: { enabled: false, since: null, consentVersion: null },
    }),
    'GET /me/journal/consent': () => ({ status: 200, body: JOURNAL_SHARING_CONSENT }),
    ...routes,
  });

  return { ...fake, show: () => renderSignedIn(fake.api, <JournalPage />, '/journal') };
}

describe('JournalPage', () => {
  afterEach(() => localStorage.clear());

  it('lists entries newest first with their sharing, mood, tags, replies and reads', async () => {
    const { show } = setUp();
    show();

    await screen.findByRole('link', { name: /^Dec 3, 2026/ });
    const items = [...document.querySelectorAll('#entries-heading ~ ul > li')];
    const [shared, own] = items.filter((item) => item.classList.contains('journal-list__item'));
    expect(shared?.textContent).toContain('Shared with your care team');
    expect(shared?.textContent).toContain('Mood 8 of 10');
    expect(shared?.textContent).toContain('Tags: music, calm');
    expect(shared?.textContent).toContain('1 reply from your care team');
    expect(shared?.textContent).toContain('Read by Dr Rivera on Dec 3, 2026');
    expect(own?.textContent).toContain('Private, only you can see it');
    expect(own?.textContent).toContain('0 replies');
    expect(own?.textContent).not.toContain('Read by');
  });

  it('offers to carry on a draft kept on this device', async () => {
    new DraftStore(localStorage, 'u').write({
      clientId: 'draft-1',
      text: 'Half a thought',
      mood: null,
      tags: [],
      promptSlug: null,
      infusionId: null,
      editedAt: Date.now(),
    });
    const { show } = setUp();
    show();

    expect(
      (await screen.findByRole('link', { name: 'Carry on writing: Half a thought' })).getAttribute(
        'href',
      ),
    ).toBe('/journal/write/draft-1');

    fireEvent.click(screen.getByRole('button', { name: 'Throw it away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, throw it away' }));
    expect(screen.queryByRole('link', { name: /Carry on writing/ })).toBeNull();
    expect(new DraftStore(localStorage, 'u').list()).toEqual([]);
  });

  it('shows the consent wording before sharing every entry, and shares only on agreeing', async () => {
    const { calls, show } = setUp({
      'PUT /me/journal/share-all': () => ({
        status: 200,
        body: { enabled: true, since: '2026-12-04T09:00:00Z', consentVersion: '2026-12-01' },
      }),
    });
    show();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Share all my entries from now on' }),
    );
    expect(screen.queryByText(JOURNAL_SHARING_CONSENT.allEntries)).not.toBeNull();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'I agree, share from now on' }));
    await expect(
      screen.findByRole('button', { name: 'Stop sharing new entries' }),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(calls.filter((call) => call.method === 'PUT').map((call) => call.body)).toEqual([
      { enabled: true },
    ]);
  });

  it('stops sharing new entries at once', async () => {
    const { calls, show } = setUp({
      'GET /me/journal/share-all': () => ({
        status: 200,
        body: { enabled: true, since: '2026-12-02T09:00:00Z', consentVersion: '2026-12-01' },
      }),
      'PUT /me/journal/share-all': () => ({
        status: 200,
        body: { enabled: false, since: null, consentVersion: null },
      }),
    });
    show();

    fireEvent.click(await screen.findByRole('button', { name: 'Stop sharing new entries' }));

    await expect(
      screen.findByRole('button', { name: 'Share all my entries from now on' }),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(calls.filter((call) => call.method === 'PUT').map((call) => call.body)).toEqual([
      { enabled: false },
    ]);
  });

  it('downloads the export as a document and as data', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);

      return 'blob:export';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const { calls, show } = setUp({
      'GET /me/journal/export?format=html': () => ({ status: 200, body: '<!doctype html>' }),
      'GET /me/journal/export?format=json': () => ({ status: 200, body: { entries: [] } }),
    });
    show();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Download a document to read or print' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: 'Download the data (JSON)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));

    expect(calls.map((call) => call.path)).toEqual(
      expect.arrayContaining(['/me/journal/export?format=html', '/me/journal/export?format=json']),
    );
    expect(created.map((blob) => blob.type)).toEqual(['text/html', 'application/json']);
    click.mockRestore();
  });
});
