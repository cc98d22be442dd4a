// POST: the student hands in the attempt; the attempt comes back (with feedback if the rule allows).
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: RouteContext<'/api/attempts/[id]/submit'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service, lang } = await classroomFor(request);
  return json({ attempt: await service.submit(actor, id, lang) });
});
