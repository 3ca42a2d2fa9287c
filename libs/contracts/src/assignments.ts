import type { Infusion } from './patients';
import type { DueOffset } from './pathways';

export const ASSIGNMENT_STATUSES = ['open', 'done', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** The built-in content item an assignment points to, as lists show it. */
export interface AssignmentContent {
  slug: string;
  kind: string;
  phase: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
}

export interface ChecklistItemState {
  id: string;
  label: string;
  /** Set when the clinic's own instructions on this topic answer the item. */
  clinicInstruction: string | null;
  checked: boolean;
}

/** One task given to one patient, with a due time. */
export interface Assignment {
  id: string;
  patientId: string;
  /** The infusion it belongs to; its due time follows that infusion when it moves. */
  infusionId: string | null;
  pathwayId: string | null;
  contentSlug: string;
  /** Null only if the library no longer has the item. */
  content: AssignmentContent | null;
  /** ISO 8601 instant in UTC. */
  dueAt: string;
  /** How the due time follows its infusion, when it belongs to one. */
  offset: DueOffset | null;
  status: AssignmentStatus;
  completedAt: string | null;
  /** The checklist's items and which are ticked; null when the item is not a checklist. */
  checklist: ChecklistItemState[] | null;
}

export interface AssignmentListQuery {
  infusionId?: string;
  status?: AssignmentStatus;
}

/** A patient's assignments by infusion, in course order; those of no infusion come first. */
export interface AssignmentGroup {
  infusion: Infusion | null;
  assignments: Assignment[];
}

export interface AssignmentGroups {
  groups: AssignmentGroup[];
}

/** Gives a patient one content item, due at an instant, optionally as part of one infusion. */
export interface AssignContentRequest {
  contentSlug: string;
  dueAt: string;
  infusionId?: string;
}

export interface ApplyPathwayRequest {
  pathwayId: string;
}

export interface ApplyPathwayResult {
  /** How many assignments were new; applying the same pathway again adds only what is missing. */
  created: number;
  assignments: Assignment[];
}

export interface TickChecklistItemRequest {
  checked: boolean;
}

export interface MarkAssignmentDoneRequest {
  done: boolean;
}
