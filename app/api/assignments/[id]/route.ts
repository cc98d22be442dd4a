// GET: an assignment (its settings for the instructor; times, rules and my attempts for a student).
// PUT: the instructor edits it, until it opens.
import { assignmentInputSchema } from '@/lib/classroom/config';
import { handle, json, readBody } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  return json(await service.getAssignment(actor, id));
});

export const PUT = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  const input = await readBody(request, assignmentInputSchema);
  return json({ assignment: await service.updateAssignment(actor, id, input) });
});
