import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CLINIC_INSTRUCTION_TOPICS,
  type ClinicInstructions,
  type ClinicInstructionTopic,
  clinicLibrary,
  CONTENT_LIBRARY_VERSION,
  contentBySlug,
  type ContentItem,
  type ContentKind,
  type ContentPhase,
  filterLibrary,
  type LibraryEntry,
  parseContentItem,
} from '@ivks/content';
import {
  ClinicContentItem,
  ClinicInstruction,
  isUniqueViolation,
  TenantTransactions,
} from '@ivks/server';
import { In } from 'typeorm';
import { AppException } from '../common/app.exception';

/** A library entry as the API answers it, with the clinic's instructions its checklist needs. */
export interface ContentEntryView extends LibraryEntry {
  instructions: Partial<ClinicInstructions>;
}

@Injectable()
export class ContentService {
  constructor(private readonly tenants: TenantTransactions) {}

  async list(filter: { kind?: ContentKind; phase?: ContentPhase }): Promise<LibraryEntry[]> {
    return filterLibrary(clinicLibrary(await this.clinicContent()), filter);
  }

  async get(slug: string): Promise<ContentEntryView> {
    const entry = clinicLibrary(await this.clinicContent()).find(
      (candidate) => candidate.item.slug === slug,
    );
    if (!entry) {
      throw notFound();
    }
    const topics =
      entry.item.kind === 'checklist'
        ? entry.item.items.flatMap((item) =>
            item.clinicInstruction ? [item.clinicInstruction] : [],
          )
        : [];

    return { ...entry, instructions: topics.length ? await this.instructionsFor(topics) : {} };
  }

  /** The clinic's own item, new; a slug of the built-in library is adapted with PUT instead. */
  async create(body: unknown): Promise<ContentEntryView> {
    const item = checked(body);
    if (contentBySlug(item.slug)) {
      throw new AppException(
        'content_slug_taken',
        `"${item.slug}" is a built-in item. Adapt it at its own address instead of adding a new one.`,
        undefined,
        { slug: ['This slug belongs to a built-in item'] },
      );
    }
    try {
      await this.tenants.repository(ClinicContentItem).insert({
        clinicId: this.tenants.scope.clinicId,
        id: randomUUID(),
        slug: item.slug,
        kind: item.kind,
        item,
        adaptedFromVersion: null,
        updatedBy: this.tenants.scope.userId,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppException(
          'content_slug_taken',
          `Your clinic already has an item called "${item.slug}". Choose another slug.`,
          undefined,
          { slug: ['Your clinic already has an item with this slug'] },
        );
      }
      throw error;
    }

    return this.get(item.slug);
  }

  /** Replaces the clinic's copy of an item: its own, or its adaptation of a built-in one. */
  async replace(slug: string, body: unknown): Promise<ContentEntryView> {
    const item = checked(body);
    if (item.slug !== slug) {
      throw new AppException(
        'validation_failed',
        'The slug in the item must be the one in the address; an item cannot be renamed.',
        undefined,
        { slug: [`must be ${slug}`] },
      );
    }
    const builtIn = contentBySlug(slug);
    if (builtIn && builtIn.kind !== item.kind) {
      throw new AppException(
        'validation_failed',
        `An adapted item keeps its kind: "${slug}" is a ${builtIn.kind}.`,
        undefined,
        { kind: [`must be ${builtIn.kind}`] },
      );
    }
    const repository = this.tenants.repository(ClinicContentItem);
    const { clinicId, userId } = this.tenants.scope;
    const existing = await repository.findOneBy({ clinicId, slug });
    if (existing) {
      await repository.update(
        { clinicId, id: existing.id },
        {
          item,
          kind: item.kind,
          updatedBy: userId,
          ...(builtIn && { adaptedFromVersion: CONTENT_LIBRARY_VERSION }),
        },
      );
    } else if (builtIn) {
      await repository.insert({
        clinicId,
        id: randomUUID(),
        slug,
        kind: item.kind,
        item,
        adaptedFromVersion: CONTENT_LIBRARY_VERSION,
        updatedBy: userId,
      });
    } else {
      throw notFound();
    }

    return this.get(slug);
  }

  /** Removes the clinic's copy: its own item goes, an adapted one returns to the built-in text. */
  async remove(slug: string): Promise<void> {
    const result = await this.tenants
      .repository(ClinicContentItem)
      .delete({ clinicId: this.tenants.scope.clinicId, slug });
    if (!result.affected) {
      throw notFound();
    }
  }

  async instructions(): Promise<ClinicInstructions> {
    const found = await this.instructionsFor(CLINIC_INSTRUCTION_TOPICS);

    return Object.fromEntries(
      CLINIC_INSTRUCTION_TOPICS.map((topic) => [topic, found[topic] ?? null]),
    ) as ClinicInstructions;
  }

  /** Sets the topics given; null clears one, and a topic left out stays as it was. */
  async updateInstructions(
    changes: Partial<Record<ClinicInstructionTopic, string | null>> | undefined,
  ): Promise<ClinicInstructions> {
    if (CLINIC_INSTRUCTION_TOPICS.every((topic) => changes?.[topic] === undefined)) {
      throw new AppException(
        'validation_failed',
        `Send at least one topic to change: ${CLINIC_INSTRUCTION_TOPICS.join(', ')}.`,
      );
    }
    const repository = this.tenants.repository(ClinicInstruction);
    const { clinicId, userId } = this.tenants.scope;
    for (const topic of CLINIC_INSTRUCTION_TOPICS) {
      const body = changes?.[topic];
      if (body === null) {
        await repository.delete({ clinicId, topic });
      } else if (body !== undefined) {
        await repository.upsert({ clinicId, topic, body, updatedBy: userId }, [
          'clinicId',
          'topic',
        ]);
      }
    }

    return this.instructions();
  }

  private async clinicContent() {
    const rows = await this.tenants
      .repository(ClinicContentItem)
      .find({ where: { clinicId: this.tenants.scope.clinicId }, order: { createdAt: 'ASC' } });

    return rows.map((row) => ({ item: row.item, adaptedFromVersion: row.adaptedFromVersion }));
  }

  private async instructionsFor(
    topics: readonly ClinicInstructionTopic[],
  ): Promise<Partial<ClinicInstructions>> {
    const rows = await this.tenants.repository(ClinicInstruction).findBy({
      clinicId: this.tenants.scope.clinicId,
      topic: In([...topics]),
    });

    return Object.fromEntries(rows.map((row) => [row.topic, row.body]));
  }
}

function checked(body: unknown): ContentItem {
  const { item, problems } = parseContentItem(body);
  if (!item) {
    const summary = Object.values(problems).flat().join('; ');
    throw new AppException(
      'validation_failed',
      `Please correct the item: ${summary}.`,
      undefined,
      problems,
    );
  }

  return item;
}

function notFound(): AppException {
  return new AppException('content_not_found', 'There is no item with this slug in your library.');
}
