import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { contentBySlug } from '@ivks/content';
import {
  JOURNAL_SHARING_CONSENT,
  type JournalCrisisTheme,
  type JournalEntrySharing,
  type JournalEntryView,
  type JournalExport,
  type JournalExportFormat,
  type JournalRead as JournalReadView,
  type JournalShareAllState,
  type SavedJournalEntry,
} from '@ivks/contracts';
import { findCrisisSignals } from '@ivks/safety';
import {
  AuditTrail,
  Clinic,
  ClinicContentItem,
  ClinicEncryption,
  Infusion,
  JournalEntry,
  JournalRead,
  JournalReply,
  JournalShare,
  Patient,
  TenantTransactions,
} from '@ivks/server';
import { In, IsNull } from 'typeorm';
import { AppException } from '../common/app.exception';
import type { SaveJournalEntryDto } from './dto/journal.dto';
import { replyViews } from './journal-views';

const ENTRY_NOT_FOUND = 'You have no journal entry with this id.';

/**
 * The patient's own journal. The text is encrypted before it reaches the database and never
 * logged. Whether the care team may read an entry is the database's decision (see
 * migrations/0007_journal.sql); this service records the patient's consent and keeps the crisis
 * flags in step with it, so that only shared words ever reach the clinic's attention list.
 */
@Injectable()
export class JournalService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly encryption: ClinicEncryption,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Creates the entry the device named `clientId`, or replaces its content: every autosave and
   * the final save send the whole entry, so a repeated request changes nothing. A saved entry
   * stays saved, so a late autosave cannot hide it from the care team again.
   */
  async save(clientId: string, request: SaveJournalEntryDto): Promise<SavedJournalEntry> {
    const patient = await this.signedInPatient();
    if (request.infusionId) {
      await this.requireOwnInfusion(patient, request.infusionId);
    }
    if (request.promptSlug) {
      await this.requireKnownPrompt(patient, clientId, request.promptSlug);
    }
    const entry = await this.upsert(patient, clientId, request);
    await this.refreshFlag(entry, request.text);
    const view = await this.view(entry, request.text);

    return {
      ...view,
      crisis: {
        signals: findCrisisSignals(request.text).map((signal) => ({
          theme: signal.theme,
          phrase: signal.phrase,
        })),
      },
    };
  }

  async list(): Promise<JournalEntryView[]> {
    const patient = await this.signedInPatient();
    const entries = await this.tenants.repository(JournalEntry).find({
      where: { clinicId: patient.clinicId, patientId: patient.id, deletedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    const shares = await this.liveShares(patient.clinicId, patient.id);
    const ids = entries.map((entry) => entry.id);
    const replies = await this.replies(patient, ids);
    const reads = await this.readsOf(patient, ids);

    const views: JournalEntryView[] = [];
    // One at a time: decrypting may query the transaction's one connection.
    for (const entry of entries) {
      const text = await this.text(entry);
      views.push(
        await this.viewWith(
          entry,
          text,
          shares,
          replies.get(entry.id) ?? [],
          reads.get(entry.id) ?? [],
        ),
      );
    }

    return views;
  }

  /**
   * Every entry the patient has, private ones and drafts too, with replies and reads. The audit
   * trail records that an export happened and how many entries it held, never what they say.
   */
  async exportAll(format: JournalExportFormat): Promise<JournalExport> {
    const patient = await this.signedInPatient();
    const clinic = await this.tenants.repository(Clinic).findOneByOrFail({ id: patient.clinicId });
    const entries = await this.list();
    await this.audit.record({
      action: 'journal.exported',
      subject: { type: 'patient', id: patient.id },
      details: { format, entries: entries.length },
    });

    return {
      exportedAt: new Date().toISOString(),
      patient: { name: `${patient.givenName} ${patient.familyName}`, timeZone: patient.timeZone },
      clinic: { name: clinic.name },
      entries,
    };
  }

  async get(id: string): Promise<JournalEntryView> {
    const entry = await this.ownEntry(id);

    return this.view(entry, await this.text(entry));
  }

  /** Hides the entry from everyone at once and ends its share. */
  async remove(id: string): Promise<void> {
    const entry = await this.ownEntry(id);
    const now = new Date();
    await this.tenants
      .repository(JournalEntry)
      .update({ clinicId: entry.clinicId, id: entry.id }, { deletedAt: now, updatedAt: now });
    await this.tenants
      .repository(JournalShare)
      .update(
        { clinicId: entry.clinicId, entryId: entry.id, revokedAt: IsNull() },
        { revokedAt: now },
      );
    await this.pruneFlags(entry.clinicId, entry.patientId);
  }

  async share(id: string): Promise<JournalEntryView> {
    const entry = await this.ownEntry(id);
    if (entry.status !== 'saved') {
      throw new AppException(
        'journal_entry_not_saved',
        'Save this entry before you share it; drafts stay private.',
      );
    }
    await this.tenants.manager.query(
      `INSERT INTO journal_shares (clinic_id, patient_id, entry_id, consent_version)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (clinic_id, patient_id, entry_id) WHERE revoked_at IS NULL DO NOTHING`,
      [entry.clinicId, entry.patientId, entry.id, JOURNAL_SHARING_CONSENT.version],
    );
    const text = await this.text(entry);
    await this.refreshFlag(entry, text);

    return this.view(entry, text);
  }

  /**
   * Stops sharing the entry. An entry that sharing all entries covers stays shared while that is
   * on, so the request is refused and says how to stop it instead.
   */
  async unshare(id: string): Promise<JournalEntryView> {
    const entry = await this.ownEntry(id);
    if (shareAllCovering(entry, await this.liveShares(entry.clinicId, entry.patientId))) {
      throw new AppException(
        'journal_entry_shared_with_all',
        'Your care team can read this entry because you share every entry you write. Turn off ' +
          'sharing all entries on your journal page to stop sharing it.',
      );
    }
    await this.tenants
      .repository(JournalShare)
      .update(
        { clinicId: entry.clinicId, entryId: entry.id, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    await this.pruneFlags(entry.clinicId, entry.patientId);

    return this.view(entry, await this.text(entry));
  }

  async shareAllState(): Promise<JournalShareAllState> {
    const patient = await this.signedInPatient();
    const share = await this.tenants.repository(JournalShare).findOneBy({
      clinicId: patient.clinicId,
      patientId: patient.id,
      entryId: IsNull(),
      revokedAt: IsNull(),
    });

    return {
      enabled: share !== null,
      since: share?.grantedAt.toISOString() ?? null,
      consentVersion: share?.consentVersion ?? null,
    };
  }

  /**
   * Sharing all entries covers those made from now on only. Turning it on again after turning
   * it off is a new consent from that moment: entries made in between stay private.
   */
  async setShareAll(enabled: boolean): Promise<JournalShareAllState> {
    const patient = await this.signedInPatient();
    if (enabled) {
      await this.tenants.manager.query(
        `INSERT INTO journal_shares (clinic_id, patient_id, entry_id, consent_version)
         VALUES ($1, $2, NULL, $3)
         ON CONFLICT (clinic_id, patient_id, entry_id) WHERE revoked_at IS NULL DO NOTHING`,
        [patient.clinicId, patient.id, JOURNAL_SHARING_CONSENT.version],
      );
    } else {
      await this.tenants.repository(JournalShare).update(
        {
          clinicId: patient.clinicId,
          patientId: patient.id,
          entryId: IsNull(),
          revokedAt: IsNull(),
        },
        { revokedAt: new Date() },
      );
      await this.pruneFlags(patient.clinicId, patient.id);
    }

    return this.shareAllState();
  }

  async reads(id: string): Promise<JournalReadView[]> {
    const entry = await this.ownEntry(id);
    const reads = await this.readsOf({ clinicId: entry.clinicId, id: entry.patientId }, [entry.id]);

    return reads.get(entry.id) ?? [];
  }

  private async upsert(
    patient: Patient,
    clientId: string,
    request: SaveJournalEntryDto,
  ): Promise<JournalEntry> {
    const entries = this.tenants.repository(JournalEntry);
    const key = { clinicId: patient.clinicId, patientId: patient.id, clientId };
    const content = {
      mood: request.mood ?? null,
      tags: request.tags ?? [],
      promptSlug: request.promptSlug ?? null,
      infusionId: request.infusionId ?? null,
    };
    // Locked, so that two saves of one draft take turns instead of losing one of them.
    const existing = await entries.findOne({ where: key, lock: { mode: 'pessimistic_write' } });
    if (existing) {
      if (existing.deletedAt) {
        throw new AppException('journal_entry_not_found', 'This journal entry was deleted.');
      }
      // An autosave that changes nothing leaves the entry as it is, and so its time of change,
      // which says whether a review still covers it.
      const status = existing.status === 'saved' ? existing.status : request.status;
      if (status === existing.status && (await this.unchanged(existing, content, request.text))) {
        return existing;
      }
      const sealed = await this.encryption.encrypt(
        { kind: 'journal_entry', id: existing.id },
        request.text,
      );
      const changes = {
        ...content,
        bodyCiphertext: sealed.ciphertext,
        keyVersion: sealed.keyVersion,
        status,
        updatedAt: new Date(),
      };
      await entries.update({ clinicId: existing.clinicId, id: existing.id }, changes);

      return { ...existing, ...changes };
    }

    const id = randomUUID();
    const sealed = await this.encryption.encrypt({ kind: 'journal_entry', id }, request.text);
    const inserted = await this.tenants.manager.query<{ id: string }[]>(
      `INSERT INTO journal_entries
         (clinic_id, id, patient_id, client_id, body_ciphertext, key_version, mood, tags,
          prompt_slug, infusion_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (clinic_id, patient_id, client_id) DO NOTHING
       RETURNING id`,
      [
        patient.clinicId,
        id,
        patient.id,
        clientId,
        sealed.ciphertext,
        sealed.keyVersion,
        content.mood,
        content.tags,
        content.promptSlug,
        content.infusionId,
        request.status,
      ],
    );
    if (inserted.length === 0) {
      // A double submit won the race and has committed: save over its entry instead.
      return this.upsert(patient, clientId, request);
    }

    return entries.findOneByOrFail({ clinicId: patient.clinicId, id });
  }

  /**
   * Flags the entry for the clinic's attention when its words suggest crisis and a share
   * covers it, and clears the flag when no share covers it: private words never reach the
   * clinic. While the entry stays shared, a flag outlives an edit that takes the words back, so
   * the care team still sees what was written until someone reviews it.
   */
  private async refreshFlag(entry: JournalEntry, text: string): Promise<void> {
    const themes = [...new Set(findCrisisSignals(text).map((signal) => signal.theme))];
    const shared = this.sharingOf(
      entry,
      await this.liveShares(entry.clinicId, entry.patientId),
    ).shared;
    if (shared && themes.length > 0) {
      await this.tenants.manager.query(
        `INSERT INTO journal_flags (clinic_id, entry_id, patient_id, themes)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (clinic_id, entry_id) DO UPDATE SET themes = ARRAY(
           SELECT DISTINCT unnest(journal_flags.themes || EXCLUDED.themes) ORDER BY 1
         )`,
        [entry.clinicId, entry.id, entry.patientId, themes satisfies JournalCrisisTheme[]],
      );
    } else if (!shared) {
      await this.tenants.manager.query(
        'DELETE FROM journal_flags WHERE clinic_id = $1 AND entry_id = $2',
        [entry.clinicId, entry.id],
      );
    }
  }

  /** Removes the flags of the patient's entries that no live share covers any more. */
  private async pruneFlags(clinicId: string, patientId: string): Promise<void> {
    await this.tenants.manager.query(
      `DELETE FROM journal_flags f
       USING journal_entries e
       WHERE f.clinic_id = $1 AND f.patient_id = $2
         AND e.clinic_id = f.clinic_id AND e.id = f.entry_id
         AND (e.deleted_at IS NOT NULL OR NOT EXISTS (
           SELECT 1 FROM journal_shares s
           WHERE s.clinic_id = e.clinic_id AND s.patient_id = e.patient_id
             AND s.revoked_at IS NULL
             AND (s.entry_id = e.id OR (s.entry_id IS NULL AND e.created_at >= s.granted_at))
         ))`,
      [clinicId, patientId],
    );
  }

  private async view(entry: JournalEntry, text: string): Promise<JournalEntryView> {
    const patient = { clinicId: entry.clinicId, id: entry.patientId };
    const replies = await this.replies(patient, [entry.id]);
    const reads = await this.readsOf(patient, [entry.id]);

    return this.viewWith(
      entry,
      text,
      await this.liveShares(entry.clinicId, entry.patientId),
      replies.get(entry.id) ?? [],
      reads.get(entry.id) ?? [],
    );
  }

  private async viewWith(
    entry: JournalEntry,
    text: string,
    shares: JournalShare[],
    replies: JournalReply[],
    reads: JournalReadView[],
  ): Promise<JournalEntryView> {
    return {
      id: entry.id,
      clientId: entry.clientId,
      text,
      mood: entry.mood,
      tags: entry.tags,
      promptSlug: entry.promptSlug,
      infusionId: entry.infusionId,
      status: entry.status,
      createdAt: entry.createdAt.toISOString(),
      updatedAt: entry.updatedAt.toISOString(),
      sharing: this.sharingOf(entry, shares),
      replies: await replyViews(this.encryption, replies),
      reads,
    };
  }

  /** The same rule the database applies to staff reads, for the patient to see. */
  private sharingOf(entry: JournalEntry, shares: JournalShare[]): JournalEntrySharing {
    if (entry.status !== 'saved' || entry.deletedAt) {
      return { shared: false, via: null, since: null };
    }
    const own = shares.find((share) => share.entryId === entry.id);
    if (own) {
      return { shared: true, via: 'entry', since: own.grantedAt.toISOString() };
    }
    const all = shareAllCovering(entry, shares);

    return all
      ? { shared: true, via: 'all', since: all.grantedAt.toISOString() }
      : { shared: false, via: null, since: null };
  }

  private liveShares(clinicId: string, patientId: string): Promise<JournalShare[]> {
    return this.tenants
      .repository(JournalShare)
      .findBy({ clinicId, patientId, revokedAt: IsNull() });
  }

  private async replies(
    patient: { clinicId: string; id: string },
    entryIds: string[],
  ): Promise<Map<string, JournalReply[]>> {
    const byEntry = new Map<string, JournalReply[]>();
    if (entryIds.length === 0) {
      return byEntry;
    }
    const replies = await this.tenants
      .repository(JournalReply)
      .findBy({ clinicId: patient.clinicId, patientId: patient.id, entryId: In(entryIds) });
    for (const reply of replies) {
      byEntry.set(reply.entryId, [...(byEntry.get(reply.entryId) ?? []), reply]);
    }

    return byEntry;
  }

  /** Each entry's reads, newest first. */
  private async readsOf(
    patient: { clinicId: string; id: string },
    entryIds: string[],
  ): Promise<Map<string, JournalReadView[]>> {
    const byEntry = new Map<string, JournalReadView[]>();
    if (entryIds.length === 0) {
      return byEntry;
    }
    const reads = await this.tenants.repository(JournalRead).find({
      where: { clinicId: patient.clinicId, patientId: patient.id, entryId: In(entryIds) },
      order: { readAt: 'DESC', id: 'ASC' },
    });
    for (const read of reads) {
      const view = { readerName: read.readerName, readAt: read.readAt.toISOString() };
      byEntry.set(read.entryId, [...(byEntry.get(read.entryId) ?? []), view]);
    }

    return byEntry;
  }

  private async unchanged(
    entry: JournalEntry,
    content: Pick<JournalEntry, 'mood' | 'tags' | 'promptSlug' | 'infusionId'>,
    text: string,
  ): Promise<boolean> {
    return (
      entry.mood === content.mood &&
      entry.promptSlug === content.promptSlug &&
      entry.infusionId === content.infusionId &&
      entry.tags.length === content.tags.length &&
      entry.tags.every((tag, index) => tag === content.tags[index]) &&
      (await this.text(entry)) === text
    );
  }

  private text(entry: JournalEntry): Promise<string> {
    return this.encryption.decrypt(
      { kind: 'journal_entry', id: entry.id },
      { ciphertext: entry.bodyCiphertext, keyVersion: entry.keyVersion },
    );
  }

  private async ownEntry(id: string): Promise<JournalEntry> {
    const patient = await this.signedInPatient();
    const entry = await this.tenants.repository(JournalEntry).findOneBy({
      clinicId: patient.clinicId,
      patientId: patient.id,
      id,
      deletedAt: IsNull(),
    });
    if (!entry) {
      throw new AppException('journal_entry_not_found', ENTRY_NOT_FOUND);
    }

    return entry;
  }

  private async requireOwnInfusion(patient: Patient, infusionId: string): Promise<void> {
    const found = await this.tenants
      .repository(Infusion)
      .existsBy({ clinicId: patient.clinicId, patientId: patient.id, id: infusionId });
    if (!found) {
      const problem = 'infusionId must name one of your infusions';
      throw new AppException(
        'validation_failed',
        `Please correct the request: ${problem}.`,
        undefined,
        {
          infusionId: [problem],
        },
      );
    }
  }

  /**
   * A prompt is one of the built-in journal templates or one the clinic added. An entry keeps the
   * prompt it was written from even after the clinic removes that prompt.
   */
  private async requireKnownPrompt(patient: Patient, clientId: string, slug: string) {
    if (contentBySlug(slug)?.kind === 'journal_template') {
      return;
    }
    const { clinicId } = patient;
    const known =
      (await this.tenants
        .repository(ClinicContentItem)
        .existsBy({ clinicId, slug, kind: 'journal_template' })) ||
      (await this.tenants
        .repository(JournalEntry)
        .existsBy({ clinicId, patientId: patient.id, clientId, promptSlug: slug }));
    if (!known) {
      const problem = 'promptSlug must name one of the journal prompts in your portal';
      throw new AppException(
        'validation_failed',
        `Please correct the request: ${problem}.`,
        undefined,
        { promptSlug: [problem] },
      );
    }
  }

  private async signedInPatient(): Promise<Patient> {
    const { clinicId, userId } = this.tenants.scope;
    const patient = userId
      ? await this.tenants.repository(Patient).findOneBy({ clinicId, userId })
      : null;
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'We could not find your patient record. Please contact your clinic.',
      );
    }

    return patient;
  }
}

/** The "share all" consent that covers an entry: one given before the entry was made. */
function shareAllCovering(entry: JournalEntry, shares: JournalShare[]): JournalShare | undefined {
  return shares.find(
    (share) => share.entryId === null && share.grantedAt.getTime() <= entry.createdAt.getTime(),
  );
}
