// GET: the classes I teach or attend. POST { name }: an instructor creates a class.
import { z } from 'zod';
import { handle, json, readBody } from '@/app/_server/http';
import { classroomFor } from '@/app/_server/classroom';
import { CLASS_NAME_MAX } from '@/lib/classroom/config';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const { actor, service } = await classroomFor(request);
  return json({ classes: await service.listClasses(actor) });
});

export const POST = handle(async (request: Request) => {
  const { actor, service } = await classroomFor(request);
  const { name } = await readBody(request, z.object({ name: z.string().trim().min(1, 'Give the class a name').max(CLASS_NAME_MAX) }));
  return json({ class: await service.createClass(actor, name) }, 201);
});
