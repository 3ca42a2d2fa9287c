import { Inject, Injectable } from '@nestjs/common';
import type { NeedsAttention, NeedsAttentionItem, NeedsAttentionKind } from '@ivks/contracts';
import { CLOCK, type Clock, TenantTransactions } from '@ivks/server';

/** The evening before an infusion, in the clinic's zone, by which readiness should be confirmed. */
const READINESS_DUE_LOCAL = '18:00';
/** A patient quiet for this long after a completed infusion is listed. */
const QUIET_AFTER = '2 days';
/** How far back the list looks. */
const LOOKBACK = '30 days';

const ORDER: Record<NeedsAttentionKind, number> = {
  crisis_flag: 0,
  readiness_missing: 1,
  shared_entry: 2,
  no_activity: 3,
  reminder_email_failed: 4,
};

interface Row {
  kind: NeedsAttentionKind;
  patient_id: string;
  given_name: string;
  family_name: string;
  at: Date;
  subject_id: string | null;
}

/**
 * What a member of staff should look at: a clinician sees their care team's patients, an admin
 * or owner the whole clinic. Journal items come only from entries the policies let the reader
 * see, so a private entry never shows up, not even as a count.
 */
@Injectable()
export class NeedsAttentionService {
  constructor(
    private readonly tenants: TenantTransactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<NeedsAttention> {
    const rows = await this.tenants.manager.query<Row[]>(NEEDS_ATTENTION_SQL, [
      this.tenants.scope.clinicId,
      this.clock.now().toISOString(),
      READINESS_DUE_LOCAL,
      QUIET_AFTER,
      LOOKBACK,
    ]);
    const items = rows.map((row): NeedsAttentionItem => ({
      kind: row.kind,
      patientId: row.patient_id,
      patientName: `${row.given_name} ${row.family_name}`,
      at: row.at.toISOString(),
      link: linkOf(row),
      subjectId: row.subject_id,
    }));
    items.sort(
      (one, other) => ORDER[one.kind] - ORDER[other.kind] || one.at.localeCompare(other.at),
    );

    return { items };
  }
}

/** The dashboard page where the item is dealt with: the entry itself, for journal items. */
function linkOf(row: Row): string {
  switch (row.kind) {
    case 'readiness_missing':
      return '/readiness';
    case 'crisis_flag':
    case 'shared_entry':
      return `/journal/${row.subject_id}`;
    case 'no_activity':
    case 'reminder_email_failed':
      return `/patients/${row.patient_id}/show`;
  }
}

/*
 * $1 clinic, $2 now, $3 the local time readiness is due the evening before, $4 how long a
 * patient may be quiet after an infusion, $5 how far back to look.
 *
 * A discharged patient's course is over, but what they still write and share is still read: their
 * shared entries and crisis flags stay on the list. A review covers an entry as it was: one the
 * patient changed after it was reviewed is on the list again.
 *
 * Activity after an infusion is what staff can see the patient do: a checklist tick, an
 * assignment marked done, readiness answers saved, or a journal entry shared with the team.
 */
const NEEDS_ATTENTION_SQL = `
WITH visible AS (
  SELECT p.clinic_id, p.id, p.given_name, p.family_name, p.status = 'discharged' AS discharged
  FROM patients p
  WHERE p.clinic_id = $1
    AND (app_role() IN ('owner', 'admin') OR app_on_care_team(p.clinic_id, p.id))
),
clinic AS (SELECT time_zone FROM clinics WHERE id = $1),
flagged AS (
  SELECT 'crisis_flag' AS kind, f.patient_id, f.flagged_at AS at, f.entry_id AS subject_id
  FROM journal_flags f
  JOIN journal_entries e ON e.clinic_id = f.clinic_id AND e.id = f.entry_id
  WHERE f.clinic_id = $1 AND f.flagged_at >= $2::timestamptz - $5::interval
    AND NOT EXISTS (
      SELECT 1 FROM journal_reviews r
      WHERE r.clinic_id = e.clinic_id AND r.entry_id = e.id AND r.reviewed_at >= e.updated_at
    )
),
shared AS (
  SELECT 'shared_entry' AS kind, e.patient_id, e.created_at AS at, e.id AS subject_id
  FROM journal_entries e
  WHERE e.clinic_id = $1 AND e.status = 'saved' AND e.deleted_at IS NULL
    AND e.created_at >= $2::timestamptz - $5::interval
    AND NOT EXISTS (
      SELECT 1 FROM journal_reviews r
      WHERE r.clinic_id = e.clinic_id AND r.entry_id = e.id AND r.reviewed_at >= e.updated_at
    )
    AND NOT EXISTS (
      SELECT 1 FROM journal_flags f WHERE f.clinic_id = e.clinic_id AND f.entry_id = e.id
    )
),
unready AS (
  SELECT 'readiness_missing' AS kind, i.patient_id, i.scheduled_at AS at, i.id AS subject_id
  FROM infusions i CROSS JOIN clinic c
  WHERE i.clinic_id = $1 AND i.status = 'scheduled'
    AND i.scheduled_at > $2::timestamptz
    AND i.scheduled_at <= $2::timestamptz + interval '2 days'
    AND (((i.scheduled_at AT TIME ZONE c.time_zone)::date - 1) + $3::time) AT TIME ZONE c.time_zone
      <= $2::timestamptz
    AND NOT EXISTS (
      SELECT 1 FROM infusion_readiness r
      WHERE r.clinic_id = i.clinic_id AND r.infusion_id = i.id AND r.confirmed_at IS NOT NULL
    )
),
last_infusion AS (
  SELECT DISTINCT ON (i.patient_id) i.patient_id, i.id, i.scheduled_at
  FROM infusions i
  WHERE i.clinic_id = $1 AND i.status = 'completed'
  ORDER BY i.patient_id, i.scheduled_at DESC
),
quiet AS (
  SELECT 'no_activity' AS kind, l.patient_id, l.scheduled_at AS at, l.id AS subject_id
  FROM last_infusion l
  WHERE l.scheduled_at <= $2::timestamptz - $4::interval
    AND l.scheduled_at >= $2::timestamptz - $5::interval
    AND NOT EXISTS (
      SELECT 1 FROM assignment_checklist_ticks t
      JOIN assignments a ON a.clinic_id = t.clinic_id AND a.id = t.assignment_id
      WHERE a.clinic_id = $1 AND a.patient_id = l.patient_id AND t.updated_at > l.scheduled_at
    )
    AND NOT EXISTS (
      SELECT 1 FROM assignments a
      WHERE a.clinic_id = $1 AND a.patient_id = l.patient_id AND a.completed_at > l.scheduled_at
    )
    AND NOT EXISTS (
      SELECT 1 FROM infusion_readiness r
      WHERE r.clinic_id = $1 AND r.patient_id = l.patient_id AND r.updated_at > l.scheduled_at
    )
    AND NOT EXISTS (
      SELECT 1 FROM journal_entries e
      WHERE e.clinic_id = $1 AND e.patient_id = l.patient_id AND e.created_at > l.scheduled_at
    )
),
failed_email AS (
  SELECT DISTINCT ON (o.patient_id)
    'reminder_email_failed' AS kind, o.patient_id, d.failed_at AS at, NULL::uuid AS subject_id
  FROM reminder_occurrences o
  JOIN email_deliveries d ON d.clinic_id = o.clinic_id AND d.id = o.email_delivery_id
  WHERE o.clinic_id = $1 AND d.status = 'failed' AND d.failed_at >= $2::timestamptz - $5::interval
  ORDER BY o.patient_id, d.failed_at DESC
),
items AS (
  SELECT * FROM flagged UNION ALL SELECT * FROM shared UNION ALL SELECT * FROM unready
  UNION ALL SELECT * FROM quiet UNION ALL SELECT * FROM failed_email
)
SELECT items.kind, items.patient_id, v.given_name, v.family_name, items.at, items.subject_id
FROM items JOIN visible v ON v.clinic_id = $1 AND v.id = items.patient_id
WHERE NOT v.discharged OR items.kind IN ('crisis_flag', 'shared_entry')
LIMIT 500`;
