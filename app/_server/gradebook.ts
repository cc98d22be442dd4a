// The gradebook of an assignment for its instructor, shared by the JSON, CSV, Moodle and follow-up routes.
import { buildGradebook, type Gradebook } from '@/lib/classroom/gradebook';
import type { ClassroomContext } from './classroom';

export async function gradebookOf(ctx: ClassroomContext, assignmentId: string) {
  const data = await ctx.service.gradebookData(ctx.actor, assignmentId);
  const gradebook: Gradebook = buildGradebook(data.assignment.config.count, data.roster, data.attempts, data.answers);
  return { ...data, gradebook };
}
