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

/** The kinds asked of a topic: the allowed ones the topic asks, else all allowed (the topic filter then keeps those that fit). */
function kindsFor(topic: Topic, config: AssignmentConfig): readonly QuestionKind[] {
  const allowed = config.focus ? FOCUS[config.focus].kinds : config.kinds;
  const inTopic = TOPIC_KINDS[topic].filter((k) => allowed.includes(k));
  return inTopic.length > 0 ? inTopic : allowed;
}

/** Which moment of which scenario a question asks about: the family and how much of it is shown. */
const momentOf = (item: QuizItem) => `${item.family}@${item.shown}`;

/** The topics an assignment draws from: those with a question of an allowed kind (States beside Data only has none). */
function drawableTopics(config: AssignmentConfig): Array<{ topic: Topic; shapes: QuestionShapeDraw[] }> {
  const topics = config.focus ? FOCUS[config.focus].topics : config.topics;
  return topics.map((topic) => ({ topic, shapes: topicShapes({ topic, ticked: topics, difficulty: config.difficulty }, kindsFor(topic, config)) })).filter((t) => t.shapes.length > 0);
}

/** Whether an assignment can be drawn: some ticked topic has a question of an allowed kind. Pure. */
export const canDraw = (config: AssignmentConfig): boolean => drawableTopics(config).length > 0;

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
  const drawable = drawableTopics(config);
  const ticked = config.focus ? FOCUS[config.focus].topics : config.topics;
  if (drawable.length === 0) throw new Error(`no question of ${ticked.join(', ')} can be asked as ${config.kinds.join(', ')}`);
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
