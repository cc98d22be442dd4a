// PUT { response, seq, answeredAt? }: saves one answer as given. `seq` counts the learner's answers
// to this question in their browser: a retried request repeats it and stores nothing new.
// `answeredAt` is when it was given (an answer queued offline is sent later; see rules.answerInTime).
import { z } from 'zod';
import { responseSchema } from '@/lib/quiz';
import { handle, json, readBody } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ response: responseSchema, seq: z.number().int().min(1).max(1_000_000), answeredAt: z.number().int().positive().optional() }).strict();

export const PUT = handle(async (request: Request, context: RouteContext<'/api/attempts/[id]/answers/[position]'>) => {
  const { id, position } = await paramsOf(paramSchemas.answer, context);
  const { actor, service, lang } = await classroomFor(request);
  const { response, seq, answeredAt } = await readBody(request, bodySchema);
  return json(await service.saveAnswer(actor, id, position, seq, response, lang, answeredAt));
});
