// GET: an attempt: its questions, my answers so far, and feedback when the rule allows.
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: RouteContext<'/api/attempts/[id]'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service, lang } = await classroomFor(request);
  return json({ attempt: await service.attemptView(actor, id, lang) });
});
