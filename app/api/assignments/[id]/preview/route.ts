// GET: the instructor previews the questions as a student sees them, each with its answer key
// and explanation (in ?lang= or the browser's language).
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]/preview'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service, lang } = await classroomFor(request);
  return json({ items: await service.preview(actor, id, lang) });
});
