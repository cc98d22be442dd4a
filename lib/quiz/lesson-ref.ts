// How a saved attempt names a lesson question: the lesson's slug and the block id written on the
// quiz fence (```quiz id=...), the same in every language, so a lesson edited later still leads
// an old answer to its question. Pure.

const PREFIX = 'lesson:/learn/';

/** The item ref of lesson `slug`'s quiz block `blockId`. */
export function lessonItemRef(slug: string, blockId: string): string {
  return `${PREFIX}${slug}#${blockId}`;
}

/** The lesson and block a ref names, or null for a ref that is not a lesson question's. */
export function parseLessonItemRef(ref: string): { slug: string; blockId: string } | null {
  const match = /^lesson:\/learn\/([a-z0-9-]+)#([a-z0-9-]+)$/.exec(ref);
  return match ? { slug: match[1] as string, blockId: match[2] as string } : null;
}

/**
 * Before block ids, a lesson question was named by its position among the lesson's parts
 * (`quiz-3`), and the path kept its language (`lesson:/en/learn/...`). Each lesson's positions,
 * as they were when ids were written, map to the ids that replaced them.
 */
const POSITIONAL: Record<string, Record<string, string>> = {
  'data-transfer': { 'quiz-3': 'quiz-ack-e9', 'quiz-5': 'quiz-ack-e12' },
  'edge-cases': { 'quiz-5': 'quiz-state-a-e8', 'quiz-15': 'quiz-seq-e12', 'quiz-19': 'quiz-ack-e2' },
  'four-way-teardown': { 'quiz-3': 'quiz-state-a-e7', 'quiz-5': 'quiz-seq-e13', 'quiz-7': 'quiz-ack-e15' },
  'state-machine': { 'quiz-3': 'quiz-state-a-e6', 'quiz-5': 'quiz-state-b-e8', 'quiz-7': 'quiz-state-b-e10' },
  'tcp-header': { 'quiz-3': 'quiz-seq-e6', 'quiz-5': 'quiz-ack-e11' },
  'three-way-handshake': { 'quiz-3': 'quiz-ack-e4', 'quiz-5': 'quiz-state-a-e5', 'quiz-7': 'quiz-ack-e7' },
};

/** A ref in today's form: a positional lesson ref becomes its block id; any other ref stays. */
export function migrateItemRef(ref: string): string {
  const match = /^lesson:(?:\/(?:en|zh))?\/learn\/([a-z0-9-]+)#(quiz-\d+)$/.exec(ref);
  if (!match) return ref;
  const slug = match[1] as string;
  const id = POSITIONAL[slug]?.[match[2] as string];
  return id ? lessonItemRef(slug, id) : ref;
}
