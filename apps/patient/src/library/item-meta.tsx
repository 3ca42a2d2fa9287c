import type { ContentItem } from '@ivks/content';
import { KIND_LABELS, PHASE_LABELS, minutesLabel } from './content-labels';

/** Kind, phase and time in one quiet line, for example "Guide · Getting ready · About 5 minutes". */
export function ItemMeta({ item, showKind = true }: { item: ContentItem; showKind?: boolean }) {
  const parts = [
    ...(showKind ? [KIND_LABELS[item.kind].one] : []),
    PHASE_LABELS[item.phase],
    minutesLabel(item.estimatedMinutes),
  ];

  return (
    <p className="item-meta">
      {parts.map((part, index) => (
        <span key={part}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          {/* A comma a screen reader pauses on, where sighted readers see the dot. */}
          {index > 0 && <span className="visually-hidden">, </span>}
          {part}
        </span>
      ))}
    </p>
  );
}
