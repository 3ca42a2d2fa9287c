import type { SharedJournalEntrySummary } from '@ivks/contracts';
import { crisisLabel, feedOrder } from './journal-feed';

const summary = (
  id: string,
  createdAt: string,
  overrides: Partial<SharedJournalEntrySummary> = {},
): SharedJournalEntrySummary => ({
  id,
  patientId: 'p',
  patientName: 'Maya Lopez',
  patientPhone: null,
  mood: null,
  tags: [],
  promptSlug: null,
  createdAt,
  updatedAt: createdAt,
  crisisThemes: [],
  reviewedAt: null,
  ...overrides,
});

describe('feedOrder', () => {
  it('puts unreviewed crisis entries first, then unreviewed, then reviewed, newest first', () => {
    const entries = [
      summary('old-reviewed', '2026-12-01T10:00:00Z', { reviewedAt: '2026-12-02T10:00:00Z' }),
      summary('new-reviewed-crisis', '2026-12-04T10:00:00Z', {
        reviewedAt: '2026-12-04T11:00:00Z',
        crisisThemes: ['suicide'],
      }),
      summary('old-unreviewed', '2026-12-02T10:00:00Z'),
      summary('new-unreviewed', '2026-12-03T10:00:00Z'),
      summary('crisis', '2026-12-01T09:00:00Z', { crisisThemes: ['self_harm'] }),
    ];

    expect(feedOrder(entries).map((entry) => entry.id)).toEqual([
      'crisis',
      'new-unreviewed',
      'old-unreviewed',
      'new-reviewed-crisis',
      'old-reviewed',
    ]);
    expect(entries[0]?.id).toBe('old-reviewed');
  });
});

describe('crisisLabel', () => {
  it('names each theme once, in a fixed order', () => {
    expect(crisisLabel(['hopelessness', 'suicide'])).toBe('Suicidal thoughts, Hopelessness');
    expect(crisisLabel([])).toBe('');
  });
});
