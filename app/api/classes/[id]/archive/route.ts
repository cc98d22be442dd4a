// POST: the instructor archives the class (read-only from then on: no joins, no new work).
// DELETE: the instructor takes it out of the archive again.
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: RouteContext<'/api/classes/[id]/archive'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  await service.archiveClass(actor, id);
  return json({ archived: true });
});

export const DELETE = handle(async (request: Request, context: RouteContext<'/api/classes/[id]/archive'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  await service.unarchiveClass(actor, id);
  return json({ archived: false });
});
