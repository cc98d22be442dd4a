// GET: the instructor's gradebook: a row per student, a cell per question, misconceptions by share.
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';
import { gradebookOf } from '@/app/_server/gradebook';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]/gradebook'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { assignment, gradebook } = await gradebookOf(await classroomFor(request), id);
  return json({ assignment, gradebook });
});
