// POST: the instructor creates an assignment in the class.
import { assignmentInputSchema } from '@/lib/classroom/config';
import { handle, json, readBody } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: RouteContext<'/api/classes/[id]/assignments'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { actor, service } = await classroomFor(request);
  const input = await readBody(request, assignmentInputSchema);
  return json({ assignment: await service.createAssignment(actor, id, input) }, 201);
});
