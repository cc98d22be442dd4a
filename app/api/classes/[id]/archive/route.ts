// POST: the instructor archives the class (read-only from then on: no joins, no new work).
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: RouteContext<'/api/classes/[id]/archive'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  await service.archiveClass(actor, id);
  return json({ archived: true });
});
