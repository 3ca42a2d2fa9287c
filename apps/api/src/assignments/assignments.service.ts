import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ApplyPathwayResult,
  type AssignContentRequest,
  type Assignment as AssignmentView,
  type AssignmentGroups,
  type AssignmentListQuery,
  DUE_OFFSET_LIMITS,
  type DueOffset,
} from '@ivks/contracts';
import {
  Assignment,
  dueInstant,
  dueTimes,
  Infusion,
  offsetColumns,
  offsetOf,
  Pathway,
  PathwayTask,
  Patient,
  ReminderScheduler,
  TenantTransactions,
} from '@ivks/server';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AppException } from '../common/app.exception';
import { AssignmentViews } from './assignment-views';

const MINUTE_MS = 60_000;

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly views: AssignmentViews,
    private readonly reminders: ReminderScheduler,
  ) {}

  async list(patientId: string, query: AssignmentListQuery): Promise<AssignmentGroups> {
    await this.patient(patientId);
    const assignments = await this.tenants.repository(Assignment).find({
      where: {
        clinicId: this.tenants.scope.clinicId,
        patientId,
        ...(query.infusionId && { infusionId: query.infusionId }),
        ...(query.status && { status: query.status }),
      },
      order: { dueAt: 'ASC', id: 'ASC' },
    });

    return this.views.grouped(assignments);
  }

  /**
   * Gives a patient one content item. One given as part of an infusion keeps its distance from
   * that infusion, so it moves when the infusion moves and is withdrawn if it is cancelled.
   */
  async assign(patientId: string, request: AssignContentRequest): Promise<AssignmentView> {
    const { clinicId } = this.tenants.scope;
    const patient = await this.patientWhoCanBeAssigned(patientId);
    let dueAt = new Date(request.dueAt);
    let offset: DueOffset | null = null;
    if (request.infusionId) {
      const infusion = await this.infusionOf(patient, request.infusionId);
      const minutes = Math.round((dueAt.getTime() - infusion.scheduledAt.getTime()) / MINUTE_MS);
      if (Math.abs(minutes) > DUE_OFFSET_LIMITS.maxMinutes) {
        const tooFar = `dueAt must be within ${DUE_OFFSET_LIMITS.maxDays} days of its infusion`;
        throw new AppException(
          'validation_failed',
          `Please correct the request: ${tooFar}.`,
          undefined,
          { dueAt: [tooFar] },
        );
      }
      offset = { kind: 'duration', minutes };
      dueAt = dueInstant(infusion.scheduledAt, offset, patient.timeZone);
    }
    const assignment = this.tenants.repository(Assignment).create({
      clinicId,
      id: randomUUID(),
      patientId,
      contentSlug: request.contentSlug,
      infusionId: request.infusionId ?? null,
      pathwayId: null,
      pathwayTaskId: null,
      ...offsetColumns(offset),
      dueAt,
      status: 'open',
      completedAt: null,
      withdrawnAt: null,
    });
    await this.tenants.repository(Assignment).insert(assignment);
    await this.reminders.forAssignments([assignment.id]);

    return this.views.renderOne(assignment);
  }

  /**
   * Gives a patient the tasks of a pathway: one assignment per task and matching infusion, timed
   * in the patient's zone. Applying it again adds only what is missing, such as the tasks of
   * infusions scheduled since.
   */
  async applyPathway(patientId: string, pathwayId: string): Promise<ApplyPathwayResult> {
    const { clinicId } = this.tenants.scope;
    const patient = await this.patientWhoCanBeAssigned(patientId);
    const pathway = await this.tenants.repository(Pathway).findOneBy({ clinicId, id: pathwayId });
    if (!pathway) {
      throw new AppException(
        'pathway_not_found',
        'There is no pathway with this id in your clinic.',
        undefined,
        { pathwayId: ['There is no pathway with this id in your clinic'] },
      );
    }
    const tasks = await this.tenants.repository(PathwayTask).find({
      where: { clinicId, pathwayId },
      order: { position: 'ASC' },
    });
    // Shared locks keep the infusions from moving while their tasks are timed.
    const infusions = await this.tenants.repository(Infusion).find({
      where: { clinicId, patientId },
      lock: { mode: 'pessimistic_read' },
    });
    const course = { timeZone: patient.timeZone, enrolledAt: patient.enrolledAt, infusions };
    const rows: QueryDeepPartialEntity<Assignment>[] = tasks.flatMap((task) => {
      const offset = offsetOf(task);

      return dueTimes({ anchor: task.anchor, offset }, course).map(({ infusionId, dueAt }) => ({
        clinicId,
        id: randomUUID(),
        patientId,
        contentSlug: task.contentSlug,
        infusionId,
        pathwayId,
        pathwayTaskId: task.id,
        // A task timed from enrolment has no infusion to follow, so it keeps no offset.
        ...offsetColumns(infusionId ? offset : null),
        dueAt,
        status: 'open' as const,
      }));
    });
    if (rows.length === 0) {
      return { created: 0, assignments: [] };
    }
    const inserted = await this.tenants
      .repository(Assignment)
      .createQueryBuilder()
      .insert()
      .values(rows)
      .orIgnore()
      .returning('id')
      .execute();
    const createdIds = (inserted.raw as { id: string }[]).map((row) => row.id);
    await this.reminders.forAssignments(createdIds);
    const created =
      createdIds.length === 0
        ? []
        : await this.tenants.repository(Assignment).find({
            where: { clinicId, id: In(createdIds) },
            order: { dueAt: 'ASC', id: 'ASC' },
          });

    return { created: created.length, assignments: await this.views.render(created) };
  }

  /**
   * Moves the open assignments of an infusion that has just moved, each by the offset it was
   * timed with, in the patient's zone. Done and withdrawn ones keep their times.
   */
  async followInfusion(infusion: Infusion, timeZone: string): Promise<number> {
    const { clinicId } = this.tenants.scope;
    const repository = this.tenants.repository(Assignment);
    const open = await repository.findBy({ clinicId, infusionId: infusion.id, status: 'open' });
    const moved: string[] = [];
    for (const assignment of open) {
      const offset = offsetOf(assignment);
      if (offset) {
        const dueAt = dueInstant(infusion.scheduledAt, offset, timeZone);
        await repository.update({ clinicId, id: assignment.id }, { dueAt });
        moved.push(assignment.id);
      }
    }
    await this.reminders.forAssignments(moved);

    return moved.length;
  }

  /** Withdraws the open assignments of a cancelled infusion; done ones stay as they were. */
  async withdrawForInfusion(infusionId: string): Promise<number> {
    const result = await this.tenants
      .repository(Assignment)
      .createQueryBuilder()
      .update()
      .set({ status: 'withdrawn', withdrawnAt: new Date() })
      .where({ clinicId: this.tenants.scope.clinicId, infusionId, status: 'open' })
      .returning('id')
      .execute();
    const withdrawn = (result.raw as { id: string }[]).map((row) => row.id);
    await this.reminders.forAssignments(withdrawn);

    return withdrawn.length;
  }

  private async patient(patientId: string): Promise<Patient> {
    const patient = await this.tenants
      .repository(Patient)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, id: patientId });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'There is no patient with this id in your clinic.',
      );
    }

    return patient;
  }

  private async patientWhoCanBeAssigned(patientId: string): Promise<Patient> {
    const patient = await this.patient(patientId);
    if (patient.status === 'discharged') {
      throw new AppException(
        'patient_discharged',
        'This patient has been discharged, so nothing new can be assigned to them.',
      );
    }

    return patient;
  }

  private async infusionOf(patient: Patient, infusionId: string): Promise<Infusion> {
    const infusion = await this.tenants.repository(Infusion).findOneBy({
      clinicId: this.tenants.scope.clinicId,
      id: infusionId,
      patientId: patient.id,
    });
    if (!infusion) {
      throw new AppException(
        'infusion_not_found',
        'This patient has no infusion with this id.',
        undefined,
        { infusionId: ['This patient has no infusion with this id'] },
      );
    }
    if (infusion.status === 'cancelled') {
      throw new AppException(
        'infusion_cancelled',
        'This infusion was cancelled, so nothing can be assigned to it. ' +
          'Choose another infusion, or leave infusionId out.',
        undefined,
        { infusionId: ['This infusion was cancelled'] },
      );
    }

    return infusion;
  }
}
