// GET: the instructor previews the questions as a student sees them.
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]/preview'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  return json({ items: await service.preview(actor, id) });
});
