// POST { code }: a student joins a class with its code (typed, or from a join link).
import { z } from 'zod';
import { handle, json, readBody } from '@/app/_server/http';
import { classroomFor } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const { actor, service } = await classroomFor(request);
  const { code } = await readBody(request, z.object({ code: z.string().trim().min(4).max(20) }));
  const cls = await service.joinClass(actor, code);
  return json({ class: { id: cls.id, name: cls.name } });
});
