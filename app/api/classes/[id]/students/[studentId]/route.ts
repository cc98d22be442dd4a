// DELETE: the instructor removes a student from the class roster (their work is kept).
import { handle, json } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const DELETE = handle(async (request: Request, context: RouteContext<'/api/classes/[id]/students/[studentId]'>) => {
  const { id, studentId } = await paramsOf(paramSchemas.classStudent, context);
  const { actor, service } = await classroomFor(request);
  await service.removeStudent(actor, id, studentId);
  return json({ removed: true });
});
