// A practice set: topics, difficulty and count in, item specs out, reproducible from a seed.
import { segmentOf, seededRandom, type Difficulty } from '../engine/index';
import { buildItem } from './build';
import { TOPIC_FAMILIES, TOPIC_KINDS, type Topic } from './catalog';
import type { QuizItem } from './item';
import type { ItemSpec } from './spec';

export interface PracticeConfig {
  topics: readonly Topic[];
  difficulty: Difficulty;
  count: number;
}

/** Draws per slot before a repeat is let through (a topic with few distinct questions). */
const REDRAWS = 12;

/**
 * What makes two items the same question for a learner: the kind, the scenario and the moment
 * asked, and for a segment question its numbers. Two state questions about the same moment are
 * the same question whatever the ISNs (the numbers do not change the answer). Pure.
 */
export function questionKey(item: QuizItem): string {
  const asked = item.kind === 'state' ? item.question.side : item.kind === 'state_choice' || item.kind === 'spot_error' ? '' : JSON.stringify(segmentOf(item.trace.events[item.event]));
  return `${item.kind}|${item.family}|${item.event}|${asked}`;
}

/** The spec's question key; null when it builds no item (practice skips those). */
function keyOf(spec: ItemSpec): string | null {
  try {
    return questionKey(buildItem(spec));
  } catch {
    return null;
  }
}

/** `count` items drawn from the topics, round-robin so every topic appears, no question twice. Pure. */
export function makePracticeSet(config: PracticeConfig, seed: number, offset = 0): ItemSpec[] {
  const rng = seededRandom(seed + offset * 7919);
  const topics = config.topics.length > 0 ? config.topics : (['handshake'] as const);
  const seen = new Set<string>();
  return Array.from({ length: config.count }, (_, i) => {
    const topic = topics[(i + offset) % topics.length] as Topic;
    let spec: ItemSpec | null = null;
    for (let draw = 0; draw < REDRAWS; draw++) {
      spec = { kind: rng.pick(TOPIC_KINDS[topic]), family: rng.pick(TOPIC_FAMILIES[topic][config.difficulty]), seed: rng.int(0, 0xffff_ffff), difficulty: config.difficulty };
      const key = keyOf(spec);
      if (key !== null && !seen.has(key)) {
        seen.add(key);
        break;
      }
    }
    return spec as ItemSpec;
  });
}

/** An endless run: questions drawn one at a time from the same topics and level, from one seed. */
export interface EndlessRun {
  seed: number;
  topics: readonly Topic[];
  difficulty: Difficulty;
}

/** Draws per question before an endless run gives up on a slot (a scenario that cannot be asked). */
const ENDLESS_TRIES = 5;

/**
 * The `offset`-th question of an endless run, the same for the same run and offset, so a run
 * can be continued after a reload from its seed and how far it got; null when none can be asked. Pure.
 */
export function endlessItemAt(run: EndlessRun, offset: number): { spec: ItemSpec; item: QuizItem } | null {
  for (let tries = 0; tries < ENDLESS_TRIES; tries++) {
    const spec = makePracticeSet({ topics: run.topics, difficulty: run.difficulty, count: 1 }, run.seed, offset * ENDLESS_TRIES + tries)[0];
    if (!spec) return null;
    try {
      return { spec, item: buildItem(spec) };
    } catch {
      continue;
    }
  }
  return null;
}
