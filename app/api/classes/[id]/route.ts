// GET: a class: for its instructor the roster and assignments, for a student their assignments and status.
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: RouteContext<'/api/classes/[id]'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  return json(await service.classDetail(actor, id));
});
