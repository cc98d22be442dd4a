// A practice set: topics, difficulty and count in, item specs out, reproducible from a seed.
import { seededRandom, type Difficulty } from '../engine/index';
import { TOPIC_FAMILIES, TOPIC_KINDS, type Topic } from './catalog';
import type { ItemSpec } from './spec';

export interface PracticeConfig {
  topics: readonly Topic[];
  difficulty: Difficulty;
  count: number;
}

/** `count` items drawn from the topics, round-robin so every topic appears. Pure. */
export function makePracticeSet(config: PracticeConfig, seed: number, offset = 0): ItemSpec[] {
  const rng = seededRandom(seed + offset * 7919);
  const topics = config.topics.length > 0 ? config.topics : (['handshake'] as const);
  return Array.from({ length: config.count }, (_, i) => {
    const topic = topics[(i + offset) % topics.length] as Topic;
    return {
      kind: rng.pick(TOPIC_KINDS[topic]),
      family: rng.pick(TOPIC_FAMILIES[topic][config.difficulty]),
      seed: rng.int(0, 0xffff_ffff),
      difficulty: config.difficulty,
    };
  });
}
