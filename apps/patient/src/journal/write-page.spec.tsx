import type { SavedJournalEntry } from '@ivks/contracts';
import { act, fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { fakeApi, infusion, journalEntry, renderSignedIn, type Answer } from '../testing/fake-api';
import { DraftStore } from './journal-drafts';
import { WritePage } from './write-page';

const CLIENT_ID = '7d8c0a52-4a57-4c1e-9d6e-7d1b2f0a0001';
const PUT = `PUT /me/journal/${CLIENT_ID}`;

const savedEntry = (text: string, signals: SavedJournalEntry['crisis']['signals'] = []) => ({
  ...journalEntry('e1', text, { clientId: CLIENT_ID }),
  crisis: { signals },
});

function setUp(routes: Record<string, (body: unknown) => Answer> = {}) {
  const fake = fakeApi(
    {
      'GET /me/journal': () => ({ status: 200, body: [] }),
      'GET /me/assignments': () => ({ status: 200, body: { groups: [] } }),
      [PUT]: (body) => ({ status: 200, body: savedEntry((body as { text: string }).text) }),
      ...routes,
    },
    { clinicPhone: '555 0100' },
  );
  const page = (
    <Routes>
      <Route path="/journal/write/:clientId" element={<WritePage />} />
      <Route path="/journal/entries/:id" element={<p>Entry page</p>} />
    </Routes>
  );

  return {
    ...fake,
    show: (query = '') => renderSignedIn(fake.api, page, `/journal/write/${CLIENT_ID}${query}`),
  };
}

const textBox = () => screen.findByRole('textbox', { name: 'Your words' });
const puts = (calls: { method: string; path: string; body: unknown }[]) =>
  calls.filter((call) => `${call.method} ${call.path}` === PUT);

describe('WritePage', () => {
  afterEach(() => {
    localStorage.clear();
    jest.useRealTimers();
  });

  it('says the entry is private, and keeps every keystroke on the device at once', async () => {
    const { show } = setUp();
    show();

    fireEvent.change(await textBox(), { target: { value: 'A quiet morning.' } });

    expect(screen.queryByText(/Only you can see this/)).not.toBeNull();
    expect(new DraftStore(localStorage, 'u').read(CLIENT_ID)?.text).toBe('A quiet morning.');
  });

  it('autosaves the draft to the API under the device’s draft id', async () => {
    jest.useFakeTimers();
    const { calls, show } = setUp();
    show();

    fireEvent.change(await textBox(), { target: { value: 'A draft in progress.' } });
    await act(() => jest.advanceTimersByTimeAsync(2000));

    expect(puts(calls).map((call) => call.body)).toEqual([
      expect.objectContaining({ text: 'A draft in progress.', status: 'draft' }),
    ]);
    await expect(screen.findByText('Draft saved. Only you can see it.')).resolves.toBeInstanceOf(
      HTMLElement,
    );
  });

  it('brings back what was kept on the device after the tab was closed', async () => {
    new DraftStore(localStorage, 'u').write({
      clientId: CLIENT_ID,
      text: 'Words from before the tab closed.',
      mood: 4,
      tags: ['tired'],
      promptSlug: null,
      infusionId: null,
      editedAt: Date.now(),
    });
    const { show } = setUp();
    show();

    expect((await textBox()) as HTMLTextAreaElement).toHaveProperty(
      'value',
      'Words from before the tab closed.',
    );
    expect(screen.queryByText(/We kept what you were writing on this device/)).not.toBeNull();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: '4' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Tags (optional)' }).value).toBe(
      'tired',
    );
  });

  it('makes one save of a double submit, and forgets the local draft once saved', async () => {
    const { calls, show } = setUp();
    show();
    fireEvent.change(await textBox(), { target: { value: 'Once.' } });
    fireEvent.click(screen.getByRole('radio', { name: '7' }));

    const save = screen.getByRole('button', { name: 'Save entry' });
    fireEvent.click(save);
    fireEvent.click(save);

    await expect(screen.findByText('Entry page')).resolves.toBeInstanceOf(HTMLElement);
    const finals = puts(calls).filter(
      (call) => (call.body as { status: string }).status === 'saved',
    );
    expect(finals.map((call) => call.body)).toEqual([
      { text: 'Once.', mood: 7, tags: [], promptSlug: null, infusionId: null, status: 'saved' },
    ]);
    expect(new DraftStore(localStorage, 'u').read(CLIENT_ID)).toBeNull();
  });

  it('offers every infusion of the course to write about, the latest first', async () => {
    const { calls, show } = setUp({
      'GET /me/infusions': () => ({
        status: 200,
        body: [
          { ...infusion('had', '2026-11-20T15:00:00Z'), status: 'completed' },
          infusion('next', '2026-12-18T15:00:00Z'),
        ],
      }),
    });
    show();
    fireEvent.change(await textBox(), { target: { value: 'The evening after.' } });

    const about = await screen.findByRole('combobox', { name: 'About an infusion (optional)' });
    const options = [...about.querySelectorAll('option')].map((option) => option.value);
    fireEvent.change(about, { target: { value: 'had' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save entry' }));

    expect(options).toEqual(['', 'next', 'had']);
    await expect(screen.findByText('Entry page')).resolves.toBeInstanceOf(HTMLElement);
    expect(puts(calls).at(-1)?.body).toMatchObject({ infusionId: 'had', status: 'saved' });
  });

  it('shows the crisis resources as soon as the words suggest crisis', async () => {
    const { show } = setUp();
    show();

    fireEvent.change(await textBox(), { target: { value: 'Tonight I want to die.' } });

    const help = screen.getByRole('region', { name: 'You do not have to hold this alone' });
    expect(help.textContent).toMatch(/Call or text 988/);
    expect(help.textContent).toMatch(/Your journal is not monitored in real time/);
    expect(screen.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(screen.getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988');
    expect(
      screen.getByRole('link', { name: 'Call Harbourside on 555 0100' }).getAttribute('href'),
    ).toBe('tel:5550100');
  });

  it('names the problem when the entry is empty, and sends nothing', async () => {
    const { calls, show } = setUp();
    show();
    await textBox();

    fireEvent.click(screen.getByRole('button', { name: 'Save entry' }));

    await expect(
      screen.findByRole('link', { name: 'Write something before you save the entry' }),
    ).resolves.toBeInstanceOf(HTMLElement);
    expect(screen.getByRole('textbox', { name: 'Your words' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(puts(calls)).toEqual([]);
  });

  it('keeps the words when the connection drops during saving, and says so', async () => {
    const { network, show } = setUp();
    show();
    fireEvent.change(await textBox(), { target: { value: 'Saved later.' } });
    network.offline = true;

    fireEvent.click(screen.getByRole('button', { name: 'Save entry' }));

    await expect(screen.findByText(/Your words are kept on this device/)).resolves.toBeInstanceOf(
      HTMLElement,
    );
    expect(new DraftStore(localStorage, 'u').read(CLIENT_ID)?.text).toBe('Saved later.');
    expect(screen.getByRole('button', { name: 'Save entry' })).toHaveProperty('disabled', false);
  });

  it('offers the journaling prompts, with the plan’s first', async () => {
    const { show } = setUp({
      'GET /me/assignments': () => ({
        status: 200,
        body: {
          groups: [
            {
              infusion: null,
              assignments: [
                {
                  id: 'a1',
                  contentSlug: 'same-evening-check-in',
                  content: { kind: 'journal_template', title: 'x' },
                },
              ],
            },
          ],
        },
      }),
    });
    show();
    await textBox();

    const prompt = await screen.findByRole('group', { name: 'From your plan' });
    expect(prompt.textContent).toContain('The same evening: a gentle check-in');
    fireEvent.change(screen.getByRole('combobox', { name: 'Start from a prompt (optional)' }), {
      target: { value: 'same-evening-check-in' },
    });
    expect(screen.queryByText('How does my body feel right now?')).not.toBeNull();
  });

  it('starts from the prompt the address names', async () => {
    const { show } = setUp();
    show('?prompt=same-evening-check-in');
    await textBox();
    expect(screen.queryByText('How does my body feel right now?')).not.toBeNull();
  });

  it('saves no prompt when the address names one the portal lacks', async () => {
    jest.useFakeTimers();
    const { calls, show } = setUp();
    show('?prompt=no-such-prompt');

    fireEvent.change(await textBox(), { target: { value: 'A draft in progress.' } });
    await act(() => jest.advanceTimersByTimeAsync(2000));

    expect(puts(calls).map((call) => call.body)).toEqual([
      expect.objectContaining({ text: 'A draft in progress.', promptSlug: null }),
    ]);
  });
});
