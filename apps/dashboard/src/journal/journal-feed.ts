import type { JournalCrisisTheme, SharedJournalEntrySummary } from '@ivks/contracts';

export const CRISIS_THEME_LABELS: Record<JournalCrisisTheme, string> = {
  suicide: 'Suicidal thoughts',
  self_harm: 'Self-harm',
  hopelessness: 'Hopelessness',
};

/** "Suicidal thoughts, Self-harm" for a flag's themes, in a fixed order. */
export function crisisLabel(themes: readonly JournalCrisisTheme[]): string {
  return (Object.keys(CRISIS_THEME_LABELS) as JournalCrisisTheme[])
    .filter((theme) => themes.includes(theme))
    .map((theme) => CRISIS_THEME_LABELS[theme])
    .join(', ');
}

function rank(entry: SharedJournalEntrySummary): number {
  if (entry.reviewedAt !== null) {
    return 2;
  }

  return entry.crisisThemes.length > 0 ? 0 : 1;
}

/**
 * The order a clinician works through shared entries: unreviewed ones with crisis wording, then
 * the other unreviewed ones, then those already reviewed; newest first within each.
 */
export function feedOrder(
  entries: readonly SharedJournalEntrySummary[],
): SharedJournalEntrySummary[] {
  return [...entries].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
      a.id.localeCompare(b.id),
  );
}
