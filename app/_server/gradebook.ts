// The gradebook of an assignment for its instructor, shared by the JSON, CSV, Moodle and follow-up routes.
import { buildGradebook, type Gradebook } from '@/lib/classroom/gradebook';
import { attemptOver } from '@/lib/classroom/rules';
import type { ClassroomContext } from './classroom';

export async function gradebookOf(ctx: ClassroomContext, assignmentId: string) {
  const data = await ctx.service.gradebookData(ctx.actor, assignmentId);
  const now = Date.now();
  const gradebook: Gradebook = buildGradebook(data.assignment.config.count, data.roster, data.attempts, data.answers, (a) => attemptOver(data.assignment, a, now));
  return { ...data, gradebook };
}
