import type { NeedsAttentionItem } from '@ivks/contracts';
import { describeItem, groupByPatient } from './needs-attention-items';

const item = (kind: NeedsAttentionItem['kind'], patientId: string): NeedsAttentionItem => ({
  kind,
  patientId,
  patientName: `Patient ${patientId}`,
  at: '2026-12-04T10:00:00Z',
  link: `/patients/${patientId}/show`,
  subjectId: null,
});

describe('needs attention items', () => {
  it.each([
    ['crisis_flag', 'Read the entry'],
    ['shared_entry', 'Read the entry'],
    ['readiness_missing', 'Open the readiness board'],
    ['no_activity', 'Open the patient'],
    ['reminder_email_failed', 'Open the patient'],
  ] as const)('says what to do about %s', (kind, action) => {
    expect(describeItem(item(kind, 'a'))).toMatchObject({ action });
    expect(describeItem(item(kind, 'a')).label.length).toBeGreaterThan(0);
  });

  it('groups items by patient in the order the most urgent came', () => {
    const groups = groupByPatient([
      item('crisis_flag', 'b'),
      item('readiness_missing', 'a'),
      item('no_activity', 'b'),
    ]);

    expect(groups.map((group) => group.map((one) => `${one.patientId} ${one.kind}`))).toEqual([
      ['b crisis_flag', 'b no_activity'],
      ['a readiness_missing'],
    ]);
  });
});
