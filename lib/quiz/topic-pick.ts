// Picking a question of a topic: the one picker behind practice sets, mock exams and class
// assignments, so a Teardown exam or assignment asks no handshake question, as practice does not.
// A scenario of a teardown family opens with a handshake too; the filter is on the moment asked
// (lib/quiz/moment.ts), not on the scenario.
import type { Difficulty, ScenarioFamily } from '../engine/index';
import { buildItem } from './build';
import { TOPIC_FAMILIES, TOPIC_KINDS, type QuestionKind, type Topic } from './catalog';
import type { QuizItem } from './item';
import { MOMENTS, momentsOf, type Moment } from './moment';
import type { ItemSpec } from './spec';

const PHASE_OF: Partial<Record<Topic, Moment>> = { handshake: 'handshake', data: 'data', teardown: 'teardown', edge_cases: 'edge' };

/**
 * The moments a topic asks about when these topics are ticked. States asks the states of the
 * phases ticked beside it (Teardown + States: the teardown's states), or of every phase when no
 * phase is ticked. Pure.
 */
export function topicMoments(topic: Topic, ticked: readonly Topic[]): Moment[] {
  const own = PHASE_OF[topic];
  if (own) return [own];
  const phases = ticked.flatMap((t) => (PHASE_OF[t] && PHASE_OF[t] !== 'edge' ? [PHASE_OF[t]] : []));
  return phases.length > 0 ? phases : [...MOMENTS];
}

/** Whether an item is a question of `topic` among the ticked topics: a state question for States, and at one of the topic's moments. Pure. */
export function fitsTopic(item: QuizItem, topic: Topic, ticked: readonly Topic[]): boolean {
  if (topic === 'states' && item.kind !== 'state' && item.kind !== 'state_choice') return false;
  const wanted = topicMoments(topic, ticked);
  return momentsOf(item).some((m) => wanted.includes(m));
}

export function tryBuild(spec: ItemSpec): QuizItem | null {
  try {
    return buildItem(spec);
  } catch {
    return null;
  }
}

/** What a question is drawn as before its numbers: a kind asked of a scenario family. */
export interface QuestionShapeDraw {
  kind: QuestionKind;
  family: ScenarioFamily;
}

/** Where a topic is asked: the topic, the topics ticked with it (they shape States), the level. */
export interface TopicAsk {
  topic: Topic;
  ticked: readonly Topic[];
  difficulty: Difficulty;
}

/** Seeds probed to learn whether a kind asked of a family can be a question of a topic at all. */
const PROBES = 48;

/** Seeds tried after the drawn one before the picker falls back on the probed one. */
const TRIES = 40;

const spread = (seed: number, i: number) => (seed + i * 7919) >>> 0;

const probed = new Map<string, ItemSpec | null>();

/**
 * A spec of this kind and family that asks about the topic, from fixed seeds (the same for every
 * caller, so it never depends on a student's numbers), or null when none does (a half-close is
 * never a data-transfer question: its data flows after the shutdown). Memoised: the answer is a
 * fact of the generator.
 */
function probe(ask: TopicAsk, shape: QuestionShapeDraw): ItemSpec | null {
  const key = JSON.stringify([ask.topic, topicMoments(ask.topic, ask.ticked), ask.difficulty, shape.kind, shape.family]);
  if (!probed.has(key)) {
    let found: ItemSpec | null = null;
    for (let i = 0; i < PROBES && !found; i++) {
      const spec: ItemSpec = { ...shape, seed: spread(0x5eed, i), difficulty: ask.difficulty };
      const item = tryBuild(spec);
      if (item && fitsTopic(item, ask.topic, ask.ticked)) found = spec;
    }
    probed.set(key, found);
  }
  return probed.get(key) ?? null;
}

/**
 * The kinds and families a topic can be asked as, among `kinds` (the topic's own by default; a
 * kind listed twice is drawn twice as often): each pair has at least one question of the topic.
 * Empty when the topic has nothing to ask with these kinds (States with only Data ticked: no
 * state changes while data flows). Pure.
 */
export function topicShapes(ask: TopicAsk, kinds: readonly QuestionKind[] = TOPIC_KINDS[ask.topic]): QuestionShapeDraw[] {
  return kinds.flatMap((kind) => TOPIC_FAMILIES[ask.topic][ask.difficulty].map((family) => ({ kind, family }))).filter((shape) => probe(ask, shape) !== null);
}

/**
 * A question of the topic drawn as `shape` with numbers from `seed`: the first of `seed` and the
 * seeds after it whose item asks about the topic and passes `prefer`; else the first that asks
 * about the topic; else the probed one, so a shape from topicShapes always gives a question of
 * its topic. Throws for a shape that topicShapes does not offer. Pure.
 */
export function pickTopicItem(ask: TopicAsk, shape: QuestionShapeDraw, seed: number, prefer: (item: QuizItem) => boolean = () => true): { spec: ItemSpec; item: QuizItem } {
  let first: { spec: ItemSpec; item: QuizItem } | null = null;
  for (let i = 0; i < TRIES; i++) {
    const spec: ItemSpec = { ...shape, seed: spread(seed, i), difficulty: ask.difficulty };
    const item = tryBuild(spec);
    if (!item || !fitsTopic(item, ask.topic, ask.ticked)) continue;
    if (prefer(item)) return { spec, item };
    first ??= { spec, item };
  }
  if (first) return first;
  const spec = probe(ask, shape);
  if (!spec) throw new Error(`${shape.kind} of ${shape.family} never asks about ${ask.topic}`);
  return { spec, item: buildItem(spec) };
}
