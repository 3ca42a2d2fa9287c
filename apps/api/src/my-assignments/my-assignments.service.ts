import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { contentBySlug } from '@ivks/content';
import type {
  Assignment as AssignmentView,
  AssignmentGroups,
  AssignmentListQuery,
} from '@ivks/contracts';
import { Assignment, Patient, TenantTransactions } from '@ivks/server';
import { Not } from 'typeorm';
import { AssignmentViews } from '../assignments/assignment-views';
import { AppException } from '../common/app.exception';

/** The signed-in patient's own assignments. */
@Injectable()
export class MyAssignmentsService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly views: AssignmentViews,
  ) {}

  /** Withdrawn assignments are left out unless asked for by status. */
  async list(userId: string, query: AssignmentListQuery): Promise<AssignmentGroups> {
    const patient = await this.patientOf(userId);
    const assignments = await this.tenants.repository(Assignment).find({
      where: {
        clinicId: this.tenants.scope.clinicId,
        patientId: patient.id,
        ...(query.infusionId && { infusionId: query.infusionId }),
        status: query.status ?? Not('withdrawn'),
      },
      order: { dueAt: 'ASC', id: 'ASC' },
    });

    return this.views.grouped(assignments);
  }

  /**
   * Ticks or clears one entry of a checklist assignment. The tick is keyed by assignment and
   * entry, so sending the same one again changes nothing.
   */
  async tick(
    userId: string,
    assignmentId: string,
    itemId: string,
    checked: boolean,
  ): Promise<AssignmentView> {
    const assignment = await this.ownAssignment(userId, assignmentId);
    const content = contentBySlug(assignment.contentSlug);
    if (content?.kind !== 'checklist') {
      throw new AppException(
        'checklist_item_not_found',
        'This assignment is not a checklist, so it has nothing to tick.',
      );
    }
    if (!content.items.some((item) => item.id === itemId)) {
      throw new AppException(
        'checklist_item_not_found',
        `The checklist "${content.title}" has no item "${itemId}". Its items are: ${content.items
          .map((item) => item.id)
          .join(', ')}.`,
      );
    }
    await this.tenants.manager.query(
      `INSERT INTO assignment_checklist_ticks (clinic_id, id, assignment_id, item_id, checked)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (clinic_id, assignment_id, item_id) DO UPDATE
         SET checked = EXCLUDED.checked, updated_at = now()
         WHERE assignment_checklist_ticks.checked IS DISTINCT FROM EXCLUDED.checked`,
      [assignment.clinicId, randomUUID(), assignment.id, itemId, checked],
    );

    return this.views.renderOne(assignment);
  }

  /** Marks an assignment done, or open again; marking it done twice keeps the first time. */
  async markDone(userId: string, assignmentId: string, done: boolean): Promise<AssignmentView> {
    const assignment = await this.ownAssignment(userId, assignmentId);
    const alreadyThere = done ? assignment.status === 'done' : assignment.status === 'open';
    if (!alreadyThere) {
      assignment.status = done ? 'done' : 'open';
      assignment.completedAt = done ? new Date() : null;
      await this.tenants
        .repository(Assignment)
        .update(
          { clinicId: assignment.clinicId, id: assignment.id },
          { status: assignment.status, completedAt: assignment.completedAt },
        );
    }

    return this.views.renderOne(assignment);
  }

  private async patientOf(userId: string): Promise<Patient> {
    const patient = await this.tenants
      .repository(Patient)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, userId });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'We could not find your patient record. Please contact your clinic.',
      );
    }

    return patient;
  }

  /** One of the patient's own assignments that is still theirs to do. */
  private async ownAssignment(userId: string, assignmentId: string): Promise<Assignment> {
    const patient = await this.patientOf(userId);
    const assignment = await this.tenants.repository(Assignment).findOne({
      where: { clinicId: this.tenants.scope.clinicId, id: assignmentId, patientId: patient.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!assignment) {
      throw new AppException('assignment_not_found', 'You have no assignment with this id.');
    }
    if (assignment.status === 'withdrawn') {
      throw new AppException(
        'assignment_withdrawn',
        'Your clinic has withdrawn this assignment, usually because its infusion was cancelled. ' +
          'There is nothing more to do for it.',
      );
    }

    return assignment;
  }
}
