// The questions of one student's attempt, from the assignment's seed: the same for everyone, or
// a variant per student (same kinds and scenario families in the same order, fresh numbers).
// Pure and deterministic: the server rebuilds them at will and never has to trust the browser.
import { seededRandom } from '../engine/index';
import { buildItem, TOPIC_FAMILIES, TOPIC_KINDS, type ItemSpec, type QuestionKind, type QuizItem, type Topic } from '../quiz/index';
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

function kindsFor(topic: Topic, config: AssignmentConfig): readonly QuestionKind[] {
  const allowed = config.focus ? FOCUS[config.focus].kinds : config.kinds;
  const inTopic = TOPIC_KINDS[topic].filter((k) => allowed.includes(k));
  return inTopic.length > 0 ? inTopic : allowed;
}

/** Which moment of which scenario a question asks about: the family and how much of it is shown. */
const momentOf = (item: QuizItem) => `${item.family}@${item.shown}`;

/** How many further seeds are tried for a question about a moment the attempt has not asked yet. */
const FRESH_MOMENT_TRIES = 12;

/**
 * The spec, or the first of its next seeds (deterministically) that builds: some seeds give a
 * scenario with nothing to ask of that kind. Among the first few that build, one asking about a
 * moment not in `asked` is taken, so two questions of an attempt do not ask about the same moment
 * ("which segment may A send next" and "write A's next segment" right after connect()) unless the
 * scenario has no other.
 */
function buildable(spec: ItemSpec, asked: Set<string>): ItemSpec {
  let first: ItemSpec | null = null;
  let built = 0;
  for (let bump = 0; bump < 50 && built <= FRESH_MOMENT_TRIES; bump++) {
    const candidate = { ...spec, seed: (spec.seed + bump * 7919) >>> 0 };
    let item: QuizItem;
    try {
      item = buildItem(candidate);
    } catch {
      continue; // nothing to ask of this kind here: try the next seed
    }
    built++;
    first ??= candidate;
    if (!asked.has(momentOf(item))) {
      asked.add(momentOf(item));
      return candidate;
    }
  }
  if (first) return first;
  throw new Error(`no ${spec.kind} question can be built from ${spec.family}`);
}

/** The attempt's item specs. `studentKey` is the student id (per-student variants) or any fixed key. */
export function attemptSpecs(config: AssignmentConfig, assignmentSeed: number, studentKey: string, attempt: number): ItemSpec[] {
  const shape = seededRandom(assignmentSeed);
  const numbers = seededRandom((config.variant === 'same' ? assignmentSeed : assignmentSeed ^ hash32(studentKey)) + attempt * 104_729);
  const topics = config.focus ? FOCUS[config.focus].topics : config.topics;
  const asked = new Set<string>();
  // The shape (kinds and scenarios) comes from the assignment's seed alone, the same for every
  // variant; a kind is asked of a scenario it has not been asked of yet while the topic has one.
  const shaped = new Set<string>();
  return Array.from({ length: config.count }, (_, i) => {
    const topic = topics[i % topics.length] as Topic;
    const kind = shape.pick(kindsFor(topic, config));
    const families = TOPIC_FAMILIES[topic][config.difficulty];
    const fresh = families.filter((f) => !shaped.has(`${kind}:${f}`));
    const family = shape.pick(fresh.length > 0 ? fresh : families);
    shaped.add(`${kind}:${family}`);
    return buildable({ kind, family, seed: numbers.int(0, 0xffff_ffff), difficulty: config.difficulty }, asked);
  });
}
