// A practice set: topics, difficulty and count in, item specs out, reproducible from a seed.
import { canonicalAnswer, flagsText, segmentOf, seededRandom, type Difficulty } from '../engine/index';
import { buildItem } from './build';
import { TOPIC_FAMILIES, TOPIC_KINDS, type Topic } from './catalog';
import type { QuizItem } from './item';
import { MOMENTS, momentsOf, type Moment } from './moment';
import type { ItemSpec } from './spec';

export interface PracticeConfig {
  topics: readonly Topic[];
  difficulty: Difficulty;
  count: number;
}

/** Draws per slot before a repeat is let through (a topic with few distinct questions). */
const DRAWS = 40;

/** Questions of a slot's topic drawn to choose from: the one of the phase asked least so far is taken. */
const CANDIDATES = 3;

/** How often one question shape may come in a set (and in each stretch of an endless run). */
export const MAX_SHAPE_REPEATS = 2;

/** How many questions an endless run draws at a time: a stretch in which shapes are spread out. */
export const ENDLESS_STRETCH = 14;

/**
 * What makes two items the same question for a learner: the kind, the scenario and the moment
 * asked, and for a segment question its numbers. Two state questions about the same moment are
 * the same question whatever the ISNs (the numbers do not change the answer). Pure.
 */
export function questionKey(item: QuizItem): string {
  const asked = item.kind === 'state' ? item.question.side : item.kind === 'state_choice' || item.kind === 'spot_error' ? '' : JSON.stringify(segmentOf(item.trace.events[item.event]));
  return `${item.kind}|${item.family}|${item.event}|${asked}`;
}

/**
 * A question's shape as a learner sees it, whatever the scenario and numbers: the kind, the phase,
 * and what is asked (the segment's flags, the state that is the answer, the byte count's way of
 * asking). "The ack of the SYN,ACK" three times in a row is the same question three times. Pure.
 */
export function questionShape(item: QuizItem, phase: Moment = momentsOf(item)[0] as Moment): string {
  const what = (() => {
    switch (item.kind) {
      case 'state':
        return String(canonicalAnswer(item.question));
      case 'state_choice':
        return `${String(canonicalAnswer({ ...item.question, side: 'A' }))} ${String(canonicalAnswer({ ...item.question, side: 'B' }))}`;
      case 'bytes':
        return item.question.ask;
      default:
        return flagsText(segmentOf(item.trace.events[item.event])?.flags ?? []);
    }
  })();
  return `${item.kind}|${phase}|${what}`;
}

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

function tryBuild(spec: ItemSpec): QuizItem | null {
  try {
    return buildItem(spec);
  } catch {
    return null;
  }
}

/**
 * `count` items drawn from the topics, round-robin so every topic appears: each a question of its
 * topic's moments, no question twice, no shape more than MAX_SHAPE_REPEATS times, and among a few
 * candidates the one of the phase asked least so far (every scenario opens with a handshake, so
 * drawing blindly asks mostly about it). A topic with nothing new to ask lets a repeat through; one
 * with nothing at all to ask (States with only Data ticked: no state changes while data flows)
 * gives its turn to the next topic. Pure.
 */
export function makePracticeSet(config: PracticeConfig, seed: number, offset = 0): ItemSpec[] {
  type Drawn = { spec: ItemSpec; phase: Moment; key: string; shape: string };
  const rng = seededRandom(seed + offset * 7919);
  const topics = config.topics.length > 0 ? config.topics : (['handshake'] as const);
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const phases = new Map<Moment, number>();
  const out: ItemSpec[] = [];
  for (let i = 0; i < config.count; i++) {
    const candidates: Drawn[] = [];
    let fallback: Drawn | null = null;
    for (let turn = 0; turn < topics.length && candidates.length === 0; turn++) {
      const topic = topics[(i + offset + turn) % topics.length] as Topic;
      for (let draw = 0; draw < DRAWS && candidates.length < CANDIDATES; draw++) {
        const spec: ItemSpec = { kind: rng.pick(TOPIC_KINDS[topic]), family: rng.pick(TOPIC_FAMILIES[topic][config.difficulty]), seed: rng.int(0, 0xffff_ffff), difficulty: config.difficulty };
        const item = tryBuild(spec);
        if (!item || !fitsTopic(item, topic, topics)) continue;
        const phase = momentsOf(item)[0] as Moment;
        const drawn = { spec, phase, key: questionKey(item), shape: questionShape(item, phase) };
        fallback ??= drawn;
        const fresh = !seen.has(drawn.key) && !candidates.some((c) => c.key === drawn.key);
        if (fresh && (shapes.get(drawn.shape) ?? 0) < MAX_SHAPE_REPEATS) candidates.push(drawn);
      }
    }
    const used = (d: Drawn) => phases.get(d.phase) ?? 0;
    const pick = candidates.reduce<Drawn | null>((best, c) => (best === null || used(c) < used(best) ? c : best), null) ?? fallback;
    if (!pick) continue;
    seen.add(pick.key);
    shapes.set(pick.shape, (shapes.get(pick.shape) ?? 0) + 1);
    phases.set(pick.phase, used(pick) + 1);
    out.push(pick.spec);
  }
  return out;
}

/** An endless run: questions drawn from the same topics and level, from one seed. */
export interface EndlessRun {
  seed: number;
  topics: readonly Topic[];
  difficulty: Difficulty;
}

/** The last stretch drawn, kept because an endless run asks for its questions one at a time. */
let lastStretch: { key: string; specs: ItemSpec[] } | null = null;

/**
 * The `index`-th question of an endless run: drawn a stretch of ENDLESS_STRETCH at a time as one
 * practice set, so the mix follows the ticked topics and no shape comes back three times within
 * a stretch. Deterministic, so a run continues after a reload from its seed and how far it got
 * (the memo only saves drawing a stretch again); null when nothing fits.
 */
export function endlessSpec(run: EndlessRun, index: number): ItemSpec | null {
  const stretch = Math.floor(index / ENDLESS_STRETCH);
  const key = JSON.stringify([run.topics, run.difficulty, run.seed, stretch]);
  if (lastStretch?.key !== key) lastStretch = { key, specs: makePracticeSet({ topics: run.topics, difficulty: run.difficulty, count: ENDLESS_STRETCH }, run.seed, stretch) };
  return lastStretch.specs[index % ENDLESS_STRETCH] ?? null;
}

/** The `offset`-th question of an endless run and its item (a set's specs all build); null when none can be asked. Pure. */
export function endlessItemAt(run: EndlessRun, offset: number): { spec: ItemSpec; item: QuizItem } | null {
  const spec = endlessSpec(run, offset);
  const item = spec ? tryBuild(spec) : null;
  return spec && item ? { spec, item } : null;
}
