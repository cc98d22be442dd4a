// GET ?format=csv: the gradebook as a CSV download. GET ?format=moodle[&lang=zh]: the questions as
// Moodle XML in that language, with the numbers of the preview (for per-student variants, its one
// sample student's: Moodle gives every student those).
import { z } from 'zod';
import { attemptSpecs, SAMPLE_STUDENT } from '@/lib/classroom/specs';
import { gradebookCsv, moodleXml } from '@/lib/classroom/export';
import { handle, parseWith } from '@/app/_server/http';
import { classroomFor, paramSchemas, paramsOf } from '@/app/_server/classroom';
import { gradebookOf } from '@/app/_server/gradebook';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ format: z.enum(['csv', 'moodle']), lang: z.enum(['en', 'zh']).optional() });

function download(body: string, type: string, filename: string): Response {
  return new Response(body, {
    headers: { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}

export const GET = handle(async (request: Request, context: RouteContext<'/api/assignments/[id]/export'>) => {
  const { id } = await paramsOf(paramSchemas.id, context);
  const { format } = parseWith(querySchema, Object.fromEntries(new URL(request.url).searchParams), 'query');
  const ctx = await classroomFor(request);
  const { assignment, seed, gradebook } = await gradebookOf(ctx, id);
  const base = assignment.title.replace(/[^\w-]+/g, '-').slice(0, 60) || 'assignment';
  if (format === 'csv') return download(gradebookCsv(gradebook), 'text/csv; charset=utf-8', `${base}-grades.csv`);
  return download(moodleXml(assignment.title, attemptSpecs(assignment.config, seed, SAMPLE_STUDENT, 1), ctx.lang, assignment.config.topics), 'application/xml; charset=utf-8', `${base}-moodle.xml`);
});
