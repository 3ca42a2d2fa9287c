import type { Pathway as PathwayView, PathwayTask as PathwayTaskView } from '@ivks/contracts';
import { offsetOf, type Pathway, type PathwayTask } from '@ivks/server';

export function pathwayTaskView(task: PathwayTask): PathwayTaskView {
  return {
    id: task.id,
    contentSlug: task.contentSlug,
    timing: { anchor: task.anchor, offset: offsetOf(task) },
  };
}

/** A pathway with its tasks, which must be given in their order. */
export function pathwayView(pathway: Pathway, tasks: PathwayTask[]): PathwayView {
  return {
    id: pathway.id,
    name: pathway.name,
    description: pathway.description,
    builtIn: pathway.builtIn,
    tasks: tasks.map(pathwayTaskView),
    updatedAt: pathway.updatedAt.toISOString(),
  };
}
