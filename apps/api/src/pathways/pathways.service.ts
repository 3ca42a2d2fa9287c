import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  BuiltInPathway,
  Page,
  PathwayTaskInput,
  Pathway as PathwayView,
  SavePathwayRequest,
} from '@ivks/contracts';
import {
  BUILT_IN_PATHWAY_TEMPLATES,
  offsetColumns,
  Pathway,
  PathwayTask,
  TenantTransactions,
} from '@ivks/server';
import { In } from 'typeorm';
import { AppException } from '../common/app.exception';
import { pathwayView } from './pathway.view';

@Injectable()
export class PathwaysService {
  constructor(private readonly tenants: TenantTransactions) {}

  async list(): Promise<Page<PathwayView>> {
    const { clinicId } = this.tenants.scope;
    const pathways = await this.tenants.repository(Pathway).find({
      where: { clinicId },
      order: { name: 'ASC', id: 'ASC' },
    });
    const tasks =
      pathways.length === 0
        ? []
        : await this.tenants.repository(PathwayTask).find({
            where: { clinicId, pathwayId: In(pathways.map((pathway) => pathway.id)) },
            order: { position: 'ASC' },
          });

    return {
      data: pathways.map((pathway) =>
        pathwayView(
          pathway,
          tasks.filter((task) => task.pathwayId === pathway.id),
        ),
      ),
      total: pathways.length,
    };
  }

  async get(id: string): Promise<PathwayView> {
    const pathway = await this.find(id);

    return pathwayView(pathway, await this.tasksOf(id));
  }

  async create(request: SavePathwayRequest): Promise<PathwayView> {
    const id = randomUUID();
    await this.tenants.repository(Pathway).insert({
      clinicId: this.tenants.scope.clinicId,
      id,
      name: request.name,
      description: request.description ?? null,
      builtIn: null,
    });
    await this.saveTasks(id, request.tasks, []);

    return this.get(id);
  }

  /**
   * Replaces a pathway's name, description and tasks. Tasks sent with their id keep it, so the
   * assignments made from them stay linked; tasks left out are removed. Assignments already
   * given keep the content and timing they were given with.
   */
  async replace(id: string, request: SavePathwayRequest): Promise<PathwayView> {
    await this.find(id, true);
    await this.tenants
      .repository(Pathway)
      .update(
        { clinicId: this.tenants.scope.clinicId, id },
        { name: request.name, description: request.description ?? null },
      );
    await this.saveTasks(id, request.tasks, await this.tasksOf(id));

    return this.get(id);
  }

  /**
   * Gives the clinic a built-in pathway, such as the six-infusion course, unless it already has
   * it; either way answers the clinic's copy, which may have been edited since.
   */
  async createBuiltIn(builtIn: BuiltInPathway): Promise<PathwayView> {
    const { clinicId } = this.tenants.scope;
    const template = BUILT_IN_PATHWAY_TEMPLATES[builtIn];
    const id = randomUUID();
    const inserted = await this.tenants
      .repository(Pathway)
      .createQueryBuilder()
      .insert()
      .values({
        clinicId,
        id,
        name: template.name,
        description: template.description,
        builtIn,
      })
      .orIgnore()
      .returning('id')
      .execute();
    if ((inserted.raw as unknown[]).length > 0) {
      await this.saveTasks(id, template.tasks, []);
    }
    const pathway = await this.tenants.repository(Pathway).findOneByOrFail({ clinicId, builtIn });

    return pathwayView(pathway, await this.tasksOf(pathway.id));
  }

  private async find(id: string, forUpdate = false): Promise<Pathway> {
    const pathway = await this.tenants.repository(Pathway).findOne({
      where: { clinicId: this.tenants.scope.clinicId, id },
      ...(forUpdate && { lock: { mode: 'pessimistic_write' } }),
    });
    if (!pathway) {
      throw new AppException(
        'pathway_not_found',
        'There is no pathway with this id in your clinic.',
      );
    }

    return pathway;
  }

  private tasksOf(pathwayId: string): Promise<PathwayTask[]> {
    return this.tenants.repository(PathwayTask).find({
      where: { clinicId: this.tenants.scope.clinicId, pathwayId },
      order: { position: 'ASC' },
    });
  }

  private async saveTasks(
    pathwayId: string,
    inputs: readonly PathwayTaskInput[],
    existing: PathwayTask[],
  ): Promise<void> {
    const { clinicId } = this.tenants.scope;
    const known = new Set(existing.map((task) => task.id));
    const unknown = inputs.flatMap((input, index) =>
      input.id !== undefined && !known.has(input.id) ? [index] : [],
    );
    if (unknown.length > 0) {
      const fields = Object.fromEntries(
        unknown.map((index) => [
          `tasks.${index}.id`,
          ['This pathway has no task with this id. Leave id out to add a new task.'],
        ]),
      );
      throw new AppException(
        'validation_failed',
        'Please correct the request: a task names an id this pathway does not have.',
        undefined,
        fields,
      );
    }

    const kept = new Set(inputs.flatMap((input) => (input.id ? [input.id] : [])));
    const removed = existing.filter((task) => !kept.has(task.id)).map((task) => task.id);
    const tasks = this.tenants.repository(PathwayTask);
    if (removed.length > 0) {
      await tasks.delete({ clinicId, id: In(removed) });
    }
    const rows = inputs.map((input, position) => ({
      clinicId,
      id: input.id ?? randomUUID(),
      pathwayId,
      position,
      contentSlug: input.contentSlug,
      anchor: input.timing.anchor,
      ...offsetColumns(input.timing.offset),
    }));
    await tasks.upsert(rows, ['clinicId', 'id']);
  }
}
