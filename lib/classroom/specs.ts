// The questions of one student's attempt, from the assignment's seed: the same for everyone, or
// a variant per student (same kinds and scenario families in the same order, fresh numbers).
// Pure and deterministic: the server rebuilds them at will and never has to trust the browser.
import { seededRandom } from '../engine/index';
import { buildItem, TOPIC_FAMILIES, TOPIC_KINDS, type ItemSpec, type QuestionKind, type Topic } from '../quiz/index';
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

/** Some seeds give a scenario with nothing to ask of that kind: the next seed is tried, deterministically. */
function buildable(spec: ItemSpec): ItemSpec {
  for (let bump = 0; bump < 50; bump++) {
    const candidate = { ...spec, seed: (spec.seed + bump * 7919) >>> 0 };
    try {
      buildItem(candidate);
      return candidate;
    } catch {
      // try the next seed
    }
  }
  throw new Error(`no ${spec.kind} question can be built from ${spec.family}`);
}

/** The attempt's item specs. `studentKey` is the student id (per-student variants) or any fixed key. */
export function attemptSpecs(config: AssignmentConfig, assignmentSeed: number, studentKey: string, attempt: number): ItemSpec[] {
  const shape = seededRandom(assignmentSeed);
  const numbers = seededRandom((config.variant === 'same' ? assignmentSeed : assignmentSeed ^ hash32(studentKey)) + attempt * 104_729);
  const topics = config.focus ? FOCUS[config.focus].topics : config.topics;
  return Array.from({ length: config.count }, (_, i) => {
    const topic = topics[i % topics.length] as Topic;
    const kind = shape.pick(kindsFor(topic, config));
    const family = shape.pick(TOPIC_FAMILIES[topic][config.difficulty]);
    return buildable({ kind, family, seed: numbers.int(0, 0xffff_ffff), difficulty: config.difficulty });
  });
}
