// POST: a student continues their open attempt or starts the next one; the attempt comes back.
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]/attempts'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service, lang } = await classroomFor(request);
  return json({ attempt: await service.startAttempt(actor, id, lang) });
});
