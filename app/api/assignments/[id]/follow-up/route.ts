// POST: one click makes a follow-up assignment drilling the class's weakest misconception on this
// assignment (lib/classroom/follow-up), titled in the instructor's language, open at once.
import { weakestMisconception } from '@/lib/classroom/gradebook';
import { followUpInput } from '@/lib/classroom/follow-up';
import { HttpError, handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';
import { gradebookOf } from '@/app/_server/gradebook';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]/follow-up'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const ctx = await classroomFor(request);
  const { assignment, gradebook } = await gradebookOf(ctx, id);
  const focus = weakestMisconception(gradebook);
  if (!focus) throw new HttpError(409, 'noMisconception');
  const created = await ctx.service.createAssignment(ctx.actor, assignment.classId, followUpInput(assignment, focus, ctx.lang, Date.now()));
  return json({ assignment: created, focus }, 201);
});
