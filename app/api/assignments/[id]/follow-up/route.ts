// POST: one click makes a follow-up assignment drilling the class's weakest misconception on this
// assignment: open now, due in a week, feedback at once, three attempts.
import { weakestMisconception } from '@/lib/classroom/gradebook';
import { HttpError, handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';
import { gradebookOf } from '@/app/_server/gradebook';

export const dynamic = 'force-dynamic';

const WEEK = 7 * 24 * 60 * 60 * 1000;

export const POST = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]/follow-up'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const ctx = await classroomFor(request);
  const { assignment, gradebook } = await gradebookOf(ctx, id);
  const focus = weakestMisconception(gradebook);
  if (!focus) throw new HttpError(409, 'noMisconception');
  const now = Date.now();
  const created = await ctx.service.createAssignment(ctx.actor, assignment.classId, {
    ...assignment.config,
    title: `${assignment.title} · follow-up`,
    focus,
    count: Math.min(assignment.config.count, 6),
    feedback: 'immediate',
    attempts: 3,
    timeLimit: null,
    opensAt: now,
    dueAt: now + WEEK,
  });
  return json({ assignment: created, focus }, 201);
});
