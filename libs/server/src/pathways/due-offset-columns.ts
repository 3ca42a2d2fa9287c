import type { DueOffset } from '@ivks/contracts';

/** How a due offset is stored: a duration in minutes, or calendar days and a wall-clock time. */
export interface DueOffsetColumns {
  offsetKind: DueOffset['kind'] | null;
  offsetMinutes: number | null;
  offsetDays: number | null;
  offsetTime: string | null;
}

export function offsetColumns(
  offset: DueOffset,
): DueOffsetColumns & { offsetKind: DueOffset['kind'] };
export function offsetColumns(offset: DueOffset | null): DueOffsetColumns;
export function offsetColumns(offset: DueOffset | null): DueOffsetColumns {
  if (!offset) {
    return { offsetKind: null, offsetMinutes: null, offsetDays: null, offsetTime: null };
  }
  switch (offset.kind) {
    case 'duration':
      return {
        offsetKind: 'duration',
        offsetMinutes: offset.minutes,
        offsetDays: null,
        offsetTime: null,
      };
    case 'local_time':
      return {
        offsetKind: 'local_time',
        offsetMinutes: null,
        offsetDays: offset.days,
        offsetTime: offset.time,
      };
  }
}

/** The offset a row holds; the table's CHECK constraints guarantee the columns fit together. */
export function offsetOf(columns: DueOffsetColumns & { offsetKind: DueOffset['kind'] }): DueOffset;
export function offsetOf(columns: DueOffsetColumns): DueOffset | null;
export function offsetOf(columns: DueOffsetColumns): DueOffset | null {
  switch (columns.offsetKind) {
    case null:
      return null;
    case 'duration':
      return { kind: 'duration', minutes: columns.offsetMinutes ?? 0 };
    case 'local_time':
      return { kind: 'local_time', days: columns.offsetDays ?? 0, time: columns.offsetTime ?? '' };
  }
}
