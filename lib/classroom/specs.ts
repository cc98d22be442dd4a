// The questions of one student's attempt, from the assignment's seed: the same for everyone, or
// a variant per student (same kinds and scenario families in the same order, fresh numbers).
// Pure and deterministic: the server rebuilds them at will and never has to trust the browser.
import { seededRandom } from '../engine/index';
import { pickTopicItem, TOPIC_KINDS, topicShapes, type ItemSpec, type QuestionKind, type QuestionShapeDraw, type QuizItem, type Topic } from '../quiz/index';
import type { AssignmentConfig } from './config';
import { FOCUS } from './focus';

/** FNV-1a over a string: a stable 32-bit number for a student id. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** What an attempt draws from: topics and question kinds (a follow-up's narrowed to its misconception). */
interface Pool {
  topics: readonly Topic[];
  kinds: readonly QuestionKind[];
}

/** The kinds asked of a topic: the allowed ones the topic asks, else all allowed (the topic filter then keeps those that fit). */
function kindsFor(topic: Topic, kinds: readonly QuestionKind[]): readonly QuestionKind[] {
  const inTopic = TOPIC_KINDS[topic].filter((k) => kinds.includes(k));
  return inTopic.length > 0 ? inTopic : kinds;
}

/** Which moment of which scenario a question asks about: the family and how much of it is shown. */
const momentOf = (item: QuizItem) => `${item.family}@${item.shown}`;

/** The topics of a pool with a question of an allowed kind at the difficulty (States beside Data only has none). */
function drawableIn(pool: Pool, difficulty: AssignmentConfig['difficulty']): Array<{ topic: Topic; shapes: QuestionShapeDraw[] }> {
  return pool.topics
    .map((topic) => ({ topic, shapes: topicShapes({ topic, ticked: pool.topics, difficulty }, kindsFor(topic, pool.kinds)) }))
    .filter((t) => t.shapes.length > 0);
}

/**
 * A follow-up drills its misconception inside what the original assignment asked (trial F12): its
 * topics and kinds narrowed to those that catch the misconception, never a topic the class was not
 * set (a Beginner handshake follow-up on retransmission is no expert loss trace). Where nothing of
 * the original catches it, the narrowing is relaxed a step at a time, kinds before topics, down to
 * the original itself. Without a focus, the assignment's own topics and kinds.
 */
function poolOf(config: AssignmentConfig): Pool {
  const own: Pool = { topics: config.topics, kinds: config.kinds };
  if (!config.focus) return own;
  const focus = FOCUS[config.focus];
  const topics = config.topics.filter((t) => focus.topics.includes(t));
  const kinds = config.kinds.filter((k) => focus.kinds.includes(k));
  const steps: Pool[] = [
    { topics, kinds },
    { topics, kinds: focus.kinds },
    { topics: config.topics, kinds },
  ];
  return steps.find((p) => p.topics.length > 0 && p.kinds.length > 0 && drawableIn(p, config.difficulty).length > 0) ?? own;
}

const drawableTopics = (config: AssignmentConfig) => drawableIn(poolOf(config), config.difficulty);

/** Whether an assignment can be drawn: some ticked topic has a question of an allowed kind. Pure. */
export const canDraw = (config: AssignmentConfig): boolean => drawableTopics(config).length > 0;

/**
 * The student key of the questions an instructor sees without a student: the preview, and the
 * Moodle export, which so carries the numbers the instructor checked (for a per-student variant,
 * this one sample student's).
 */
export const SAMPLE_STUDENT = 'preview';

/**
 * The attempt's item specs. `studentKey` is the student id (per-student variants) or any fixed key.
 * Each question asks about its topic's moments (a Teardown assignment asks nothing of the
 * handshake its scenarios open with), and, while its scenario has another, about a moment the
 * attempt has not asked yet ("which segment may A send next" and "write A's next segment" right
 * after connect() are one question twice). Topics with nothing to ask in the allowed kinds are
 * passed over; an assignment none of whose topics can be asked is refused when it is set (canDraw).
 */
export function attemptSpecs(config: AssignmentConfig, assignmentSeed: number, studentKey: string, attempt: number): ItemSpec[] {
  const shape = seededRandom(assignmentSeed);
  const numbers = seededRandom((config.variant === 'same' ? assignmentSeed : assignmentSeed ^ hash32(studentKey)) + attempt * 104_729);
  const pool = poolOf(config);
  const drawable = drawableIn(pool, config.difficulty);
  const ticked = pool.topics;
  if (drawable.length === 0) throw new Error(`no question of ${ticked.join(', ')} can be asked as ${pool.kinds.join(', ')}`);
  const asked = new Set<string>();
  // The shape (kinds and scenarios) comes from the assignment's seed alone, the same for every
  // variant; a kind is asked of a scenario no question has been asked of yet while the topic has
  // one, else of one it has not been asked of (two kinds asked of a refused connection, whose
  // only moments are its SYN and RST, would ask one moment twice).
  const shaped = new Set<string>();
  const usedFamilies = new Set<string>();
  return Array.from({ length: config.count }, (_, i) => {
    const { topic, shapes } = drawable[i % drawable.length] as (typeof drawable)[number];
    const kind = shape.pick([...new Set(shapes.map((s) => s.kind))]);
    const families = shapes.filter((s) => s.kind === kind).map((s) => s.family);
    const fresh = families.filter((f) => !shaped.has(`${kind}:${f}`));
    const unused = fresh.filter((f) => !usedFamilies.has(f));
    const family = shape.pick(unused.length > 0 ? unused : fresh.length > 0 ? fresh : families);
    shaped.add(`${kind}:${family}`);
    usedFamilies.add(family);
    const picked = pickTopicItem({ topic, ticked, difficulty: config.difficulty }, { kind, family }, numbers.int(0, 0xffff_ffff), (item) => !asked.has(momentOf(item)));
    asked.add(momentOf(picked.item));
    return picked.spec;
  });
}
