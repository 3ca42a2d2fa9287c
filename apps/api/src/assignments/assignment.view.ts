import { contentBySlug } from '@ivks/content';
import type { Assignment as AssignmentView } from '@ivks/contracts';
import { type Assignment, offsetOf } from '@ivks/server';

/** An assignment with its content as the library has it, and which checklist entries are ticked. */
export function assignmentView(
  assignment: Assignment,
  checkedItems: ReadonlySet<string>,
): AssignmentView {
  const content = contentBySlug(assignment.contentSlug);

  return {
    id: assignment.id,
    patientId: assignment.patientId,
    infusionId: assignment.infusionId,
    pathwayId: assignment.pathwayId,
    contentSlug: assignment.contentSlug,
    content: content
      ? {
          slug: content.slug,
          kind: content.kind,
          phase: content.phase,
          title: content.title,
          summary: content.summary,
          estimatedMinutes: content.estimatedMinutes,
        }
      : null,
    dueAt: assignment.dueAt.toISOString(),
    offset: offsetOf(assignment),
    status: assignment.status,
    completedAt: assignment.completedAt?.toISOString() ?? null,
    checklist:
      content?.kind === 'checklist'
        ? content.items.map((item) => ({
            id: item.id,
            label: item.label,
            clinicInstruction: item.clinicInstruction ?? null,
            checked: checkedItems.has(item.id),
          }))
        : null,
  };
}
