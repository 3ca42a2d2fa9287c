import { Injectable } from '@nestjs/common';
import { contentBySlug } from '@ivks/content';
import type { Assignment as AssignmentView, AssignmentGroups } from '@ivks/contracts';
import {
  type Assignment,
  AssignmentChecklistTick,
  Infusion,
  TenantTransactions,
} from '@ivks/server';
import { In } from 'typeorm';
import { infusionView } from '../infusions/infusion.view';
import { assignmentView } from './assignment.view';

/** Renders assignments with their checklist ticks, and groups them by infusion. */
@Injectable()
export class AssignmentViews {
  constructor(private readonly tenants: TenantTransactions) {}

  async render(assignments: Assignment[]): Promise<AssignmentView[]> {
    const checked = await this.checkedItems(assignments);

    return assignments.map((assignment) =>
      assignmentView(assignment, checked.get(assignment.id) ?? new Set()),
    );
  }

  async renderOne(assignment: Assignment): Promise<AssignmentView> {
    const checked = await this.checkedItems([assignment]);

    return assignmentView(assignment, checked.get(assignment.id) ?? new Set());
  }

  /**
   * Groups assignments, given in due order, by infusion in course order; the assignments that
   * belong to no infusion come first.
   */
  async grouped(assignments: Assignment[]): Promise<AssignmentGroups> {
    const views = await this.render(assignments);
    const infusionIds = [
      ...new Set(views.flatMap((view) => (view.infusionId ? [view.infusionId] : []))),
    ];
    const infusions =
      infusionIds.length === 0
        ? []
        : await this.tenants.repository(Infusion).find({
            where: { clinicId: this.tenants.scope.clinicId, id: In(infusionIds) },
            order: { scheduledAt: 'ASC' },
          });
    const unattached = views.filter((view) => view.infusionId === null);

    return {
      groups: [
        ...(unattached.length > 0 ? [{ infusion: null, assignments: unattached }] : []),
        ...infusions.map((infusion) => ({
          infusion: infusionView(infusion),
          assignments: views.filter((view) => view.infusionId === infusion.id),
        })),
      ],
    };
  }

  /** The ticked entries of each checklist among the assignments, by assignment id. */
  private async checkedItems(assignments: Assignment[]): Promise<Map<string, Set<string>>> {
    const checklistIds = assignments
      .filter((assignment) => contentBySlug(assignment.contentSlug)?.kind === 'checklist')
      .map((assignment) => assignment.id);
    const ticks =
      checklistIds.length === 0
        ? []
        : await this.tenants.repository(AssignmentChecklistTick).findBy({
            clinicId: this.tenants.scope.clinicId,
            assignmentId: In(checklistIds),
            checked: true,
          });
    const checked = new Map<string, Set<string>>();
    for (const tick of ticks) {
      checked.set(
        tick.assignmentId,
        (checked.get(tick.assignmentId) ?? new Set()).add(tick.itemId),
      );
    }

    return checked;
  }
}
