import { z } from 'zod';
import { TRACE_VIEWS } from '@/lib/engine/trace-view';
import { FLAGS, STATES } from '@/lib/engine/types';

/** A lesson slug: lower-case words joined by hyphens; it is the file name and the URL segment. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

export const frontMatterSchema = z.object({
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  order: z.number().int().nonnegative(),
  objectives: z.array(z.string().trim().min(1)).min(1),
  prerequisites: z.array(slugSchema).default([]),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const localizedText = z.object({ en: z.string().min(1), zh: z.string().min(1) });

export const navSchema = z.object({
  sections: z
    .array(
      z.object({
        id: z.string().min(1),
        title: localizedText,
        lessons: z.array(slugSchema),
      }),
    )
    .min(1),
});
export type Nav = z.infer<typeof navSchema>;

export const glossarySchema = z.array(
  z.object({
    // Used as the entry's URL fragment; terms keep their usual spelling (SYN_SENT, 2MSL).
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, "-" or "_"'),
    term: z.string().trim().min(1),
    definition: z.string().trim().min(1),
    // The lessons that teach the term, so the glossary can link back to them.
    lessons: z.array(slugSchema).optional(),
  }),
);


const difficulty = z.enum(['beginner', 'expert']);
const views = z.array(z.enum(TRACE_VIEWS)).min(1).optional();
const caption = z.string().trim().min(1);

const scenarioSource = {
  scenario: z.string().min(1),
  seed: z.number().int().optional(),
  difficulty: difficulty.optional(),
};
const inlineSource = { trace: z.record(z.string(), z.unknown()) };

/**
 * A block names a generated scenario or carries an inline trace (checked by the engine's
 * parseTrace); which one is decided by the `trace` key, so errors talk about the right shape.
 */
function eitherSource<A extends z.ZodType, B extends z.ZodType>(scenario: A, inline: B) {
  return z.unknown().pipe(
    z.custom<unknown>().transform((value, ctx): z.output<A> | z.output<B> => {
      const chosen = value !== null && typeof value === 'object' && 'trace' in value ? inline : scenario;
      const result = chosen.safeParse(value);
      if (result.success) return result.data as z.output<A> | z.output<B>;
      for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path });
      return z.NEVER;
    }),
  );
}

/** ```trace: what to replay, a caption, and which views to show (all three by default). */
export const traceBlockSchema = eitherSource(
  z.strictObject({ ...scenarioSource, caption, views }),
  z.strictObject({ ...inlineSource, caption, views }),
);
export type TraceBlock = z.infer<typeof traceBlockSchema>;

const u32 = z.number().int().min(0).max(0xffff_ffff);
const right = z.boolean().optional();
/** An author's option: a whole segment (the sender is the asked event's) or the pair of states; `right` marks the one answer. */
const segmentOption = z.strictObject({ flags: z.array(z.enum(FLAGS)), seq: u32, ack: u32, len: z.number().int().min(0), right });
const stateOption = z.strictObject({ A: z.enum(STATES), B: z.enum(STATES), right });

const quizTarget = {
  event: z.number().int().nonnegative(),
  field: z.enum(['flags', 'seq', 'ack', 'len', 'state']).optional(),
  side: z.enum(['A', 'B']).optional(),
  options: z.union([z.array(segmentOption).min(2).max(6), z.array(stateOption).min(2).max(6)]).optional(),
};

/** A block asks one field (`field`) or offers the author's options (`options`), never both. */
const oneQuestion = (block: { field?: unknown; options?: unknown }) => (block.field === undefined) !== (block.options === undefined);
const oneQuestionMessage = { message: 'a quiz asks either a "field" or the author\'s "options" (not both, not neither)' };

/**
 * ```quiz: a question about one field of one event (0-based) of a scenario or inline trace, or an
 * exam-style choice among the author's options (docs/authoring.md).
 */
export const quizBlockSchema = eitherSource(
  z.strictObject({ ...scenarioSource, ...quizTarget }).refine(oneQuestion, oneQuestionMessage),
  z.strictObject({ ...inlineSource, ...quizTarget }).refine(oneQuestion, oneQuestionMessage),
);
export type QuizBlock = z.infer<typeof quizBlockSchema>;
