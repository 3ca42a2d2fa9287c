import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  JournalCrisisTheme,
  JournalReply as JournalReplyView,
  SharedJournalEntry,
  SharedJournalEntrySummary,
} from '@ivks/contracts';
import {
  AuditTrail,
  ClinicEncryption,
  JournalEntry,
  JournalReply,
  Patient,
  TenantTransactions,
} from '@ivks/server';
import { AppException } from '../common/app.exception';
import { replyViews } from './journal-views';

/** The newest shared entries a list shows; the dashboard asks per patient for older ones. */
const LIST_LIMIT = 200;

interface SummaryRow {
  id: string;
  patient_id: string;
  given_name: string;
  family_name: string;
  phone: string | null;
  mood: number | null;
  tags: string[];
  prompt_slug: string | null;
  created_at: Date;
  updated_at: Date;
  themes: JournalCrisisTheme[] | null;
  reviewed_at: Date | null;
}

/**
 * What the care team reads of patients' journals. No query here checks a share or the care
 * team: row-level security returns only the entries the signed-in member of staff may read now,
 * so a forgotten condition cannot show a private entry. Lists carry no text; reading one entry
 * shows it, and that read is recorded for the patient and in the audit trail.
 */
@Injectable()
export class SharedJournalService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly encryption: ClinicEncryption,
    private readonly audit: AuditTrail,
  ) {}

  /** Shared entries across the signed-in member's care-team patients, newest first. */
  feed(): Promise<SharedJournalEntrySummary[]> {
    return this.summaries(null);
  }

  async ofPatient(patientId: string): Promise<SharedJournalEntrySummary[]> {
    const { clinicId } = this.tenants.scope;
    if (!(await this.tenants.repository(Patient).existsBy({ clinicId, id: patientId }))) {
      throw new AppException('patient_not_found', 'This clinic has no patient with this id.');
    }

    return this.summaries(patientId);
  }

  async read(id: string): Promise<SharedJournalEntry> {
    const entry = await this.visibleEntry(id);
    const [summary] = await this.summaries(entry.patientId, entry.id);
    if (!summary) {
      throw new AppException(
        'journal_entry_not_found',
        'No entry with this id is shared with you.',
      );
    }
    const text = await this.encryption.decrypt(
      { kind: 'journal_entry', id: entry.id },
      { ciphertext: entry.bodyCiphertext, keyVersion: entry.keyVersion },
    );
    const replies = await this.tenants
      .repository(JournalReply)
      .findBy({ clinicId: entry.clinicId, entryId: entry.id });
    const reader = await this.signedInMember();
    // No RETURNING: staff may add a read but not read reads back.
    await this.tenants.manager.query(
      `INSERT INTO journal_reads (clinic_id, entry_id, patient_id, reader_membership_id, reader_name)
       VALUES ($1, $2, $3, $4, $5)`,
      [entry.clinicId, entry.id, entry.patientId, reader.id, reader.name],
    );
    await this.audit.record({
      action: 'journal.viewed',
      subject: { type: 'patient', id: entry.patientId },
      details: { entryId: entry.id },
    });

    return {
      ...summary,
      text,
      infusionId: entry.infusionId,
      replies: await replyViews(this.encryption, replies),
    };
  }

  async reply(id: string, text: string): Promise<JournalReplyView> {
    const entry = await this.visibleEntry(id);
    const author = await this.signedInMember();
    const replyId = randomUUID();
    const sealed = await this.encryption.encrypt({ kind: 'journal_reply', id: replyId }, text);
    const [row] = await this.tenants.manager.query<{ created_at: Date }[]>(
      `INSERT INTO journal_replies
         (clinic_id, id, entry_id, patient_id, author_membership_id, author_name,
          body_ciphertext, key_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING created_at`,
      [
        entry.clinicId,
        replyId,
        entry.id,
        entry.patientId,
        author.id,
        author.name,
        sealed.ciphertext,
        sealed.keyVersion,
      ],
    );

    return {
      id: replyId,
      authorName: author.name,
      text,
      createdAt: (row?.created_at ?? new Date()).toISOString(),
    };
  }

  /** Reviewed entries leave the needs-attention list; `false` puts one back. */
  async setReviewed(id: string, reviewed: boolean): Promise<SharedJournalEntrySummary> {
    const entry = await this.visibleEntry(id);
    if (reviewed) {
      const reviewer = await this.signedInMember();
      await this.tenants.manager.query(
        `INSERT INTO journal_reviews (clinic_id, entry_id, patient_id, reviewer_membership_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (clinic_id, entry_id) DO UPDATE
           SET reviewer_membership_id = EXCLUDED.reviewer_membership_id, reviewed_at = now()`,
        [entry.clinicId, entry.id, entry.patientId, reviewer.id],
      );
    } else {
      await this.tenants.manager.query(
        'DELETE FROM journal_reviews WHERE clinic_id = $1 AND entry_id = $2',
        [entry.clinicId, entry.id],
      );
    }
    const [summary] = await this.summaries(entry.patientId, entry.id);
    if (!summary) {
      throw new AppException(
        'journal_entry_not_found',
        'No entry with this id is shared with you.',
      );
    }

    return summary;
  }

  private async summaries(
    patientId: string | null,
    entryId: string | null = null,
  ): Promise<SharedJournalEntrySummary[]> {
    const rows = await this.tenants.manager.query<SummaryRow[]>(
      `SELECT e.id, e.patient_id, p.given_name, p.family_name, p.phone, e.mood, e.tags, e.prompt_slug,
              e.created_at, e.updated_at, f.themes, r.reviewed_at
       FROM journal_entries e
       JOIN patients p ON p.clinic_id = e.clinic_id AND p.id = e.patient_id
       LEFT JOIN journal_flags f ON f.clinic_id = e.clinic_id AND f.entry_id = e.id
       -- A review covers the entry as it was reviewed, not what the patient wrote since.
       LEFT JOIN journal_reviews r ON r.clinic_id = e.clinic_id AND r.entry_id = e.id
         AND r.reviewed_at >= e.updated_at
       WHERE e.clinic_id = $1
         AND ($2::uuid IS NULL OR e.patient_id = $2)
         AND ($3::uuid IS NULL OR e.id = $3)
       ORDER BY e.created_at DESC, e.id
       LIMIT ${LIST_LIMIT}`,
      [this.tenants.scope.clinicId, patientId, entryId],
    );

    return rows.map((row) => ({
      id: row.id,
      patientId: row.patient_id,
      patientName: `${row.given_name} ${row.family_name}`,
      patientPhone: row.phone,
      mood: row.mood,
      tags: row.tags,
      promptSlug: row.prompt_slug,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      crisisThemes: row.themes ?? [],
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
    }));
  }

  private async visibleEntry(id: string): Promise<JournalEntry> {
    const entry = await this.tenants
      .repository(JournalEntry)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, id });
    if (!entry) {
      throw new AppException(
        'journal_entry_not_found',
        'No entry with this id is shared with you.',
      );
    }

    return entry;
  }

  private async signedInMember(): Promise<{ id: string; name: string }> {
    const { clinicId, userId } = this.tenants.scope;
    const [member] = await this.tenants.manager.query<{ id: string; display_name: string }[]>(
      'SELECT id, display_name FROM memberships WHERE clinic_id = $1 AND user_id = $2',
      [clinicId, userId],
    );
    if (!member) {
      throw new AppException('forbidden', 'You are not a member of this clinic.');
    }

    return { id: member.id, name: member.display_name };
  }
}
