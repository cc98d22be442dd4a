// POST: one click makes a follow-up assignment drilling the class's weakest misconception on this
// assignment: feedback at once, the original's attempts and difficulty (trial F12), titled in the instructor's language. It opens
// tomorrow, not at once, so the instructor lands on its edit page and reviews the dates first.
import { weakestMisconception } from '@/lib/classroom/gradebook';
import { HttpError, handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';
import { gradebookOf } from '@/app/_server/gradebook';

export const dynamic = 'force-dynamic';

const DAY = 24 * 60 * 60 * 1000;
const SUFFIX = { en: 'follow-up', zh: '巩固练习' } as const;

export const POST = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]/follow-up'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const ctx = await classroomFor(request);
  const { assignment, gradebook } = await gradebookOf(ctx, id);
  const focus = weakestMisconception(gradebook);
  if (!focus) throw new HttpError(409, 'noMisconception');
  const opensAt = Date.now() + DAY;
  const created = await ctx.service.createAssignment(ctx.actor, assignment.classId, {
    ...assignment.config,
    title: `${assignment.title} · ${SUFFIX[ctx.lang]}`.slice(0, 120),
    focus,
    count: Math.min(assignment.config.count, 6),
    feedback: 'immediate',
    timeLimit: null,
    opensAt,
    dueAt: opensAt + 7 * DAY,
  });
  return json({ assignment: created, focus }, 201);
});
