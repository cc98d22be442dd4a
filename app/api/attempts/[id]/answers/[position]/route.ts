// PUT { response, seq }: saves one answer as given. `seq` counts the learner's answers to this
// question in their browser: a retried request repeats it and stores nothing new.
import { z } from 'zod';
import { FLAGS, STATES } from '@/lib/engine';
import { handle, json, readBody } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

const whole = z.number().int().min(0).max(0xffff_ffff);
const responseSchema = z.union([
  whole,
  z.array(z.enum(FLAGS)).max(FLAGS.length),
  z.enum(STATES),
  z.object({ flags: z.array(z.enum(FLAGS)).max(FLAGS.length), seq: whole, ack: whole, len: whole }).strict(),
  z.object({ option: z.number().int().min(0).max(20) }).strict(),
  z.object({ event: z.number().int().min(0).max(1000) }).strict(),
]);
const bodySchema = z.object({ response: responseSchema, seq: z.number().int().min(1).max(1_000_000) }).strict();

export const PUT = handle(async (request: Request, context: RouteContext<'/api/attempts/[id]/answers/[position]'>) => {
  const { id, position } = await paramsOf(paramSchemas.answer, context);
  const { actor, service, lang } = await classroomFor(request);
  const { response, seq } = await readBody(request, bodySchema);
  return json(await service.saveAnswer(actor, id, position, seq, response, lang));
});
