import type { NeedsAttentionItem, NeedsAttentionKind } from '@ivks/contracts';

export const NEEDS_ATTENTION_PATH = '/needs-attention';

const LABELS: Record<NeedsAttentionKind, string> = {
  crisis_flag: 'Shared journal entry with words that suggest a crisis',
  readiness_missing: 'Has not confirmed they are ready for their infusion',
  shared_entry: 'New shared journal entry to review',
  no_activity: 'No activity since their last infusion',
  reminder_email_failed: 'A reminder email could not be delivered',
};

/** What the list says about an item, and what to do with it. */
export function describeItem(item: NeedsAttentionItem): { label: string; action: string } {
  const action =
    item.kind === 'readiness_missing'
      ? 'Open the readiness board'
      : item.kind === 'crisis_flag' || item.kind === 'shared_entry'
        ? 'Read the entry'
        : 'Open the patient';

  return { label: LABELS[item.kind], action };
}

/** Items grouped by patient, in the order the API gave the first item of each. */
export function groupByPatient(items: NeedsAttentionItem[]): NeedsAttentionItem[][] {
  const groups = new Map<string, NeedsAttentionItem[]>();
  for (const item of items) {
    groups.set(item.patientId, [...(groups.get(item.patientId) ?? []), item]);
  }

  return [...groups.values()];
}
