// GET: an assignment (its settings for the instructor; times, rules and my attempts for a student).
// PUT: the instructor edits it, until it opens. PATCH { dueAt }: moves its due time, also once open.
// DELETE: removes it while no student has started it.
import { z } from 'zod';
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

const rescheduleSchema = z.object({ dueAt: z.number().int().positive() }).strict();

export const PATCH = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  const { dueAt } = await readBody(request, rescheduleSchema);
  return json({ assignment: await service.rescheduleAssignment(actor, id, dueAt) });
});

export const DELETE = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  await service.deleteAssignment(actor, id);
  return json({ deleted: id });
});
