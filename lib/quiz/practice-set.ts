// A practice set: topics, difficulty and count in, item specs out, reproducible from a seed.
import { canonicalAnswer, flagsText, segmentOf, seededRandom, type Difficulty } from '../engine/index';
import type { Topic } from './catalog';
import type { QuizItem } from './item';
import { momentsOf, type Moment } from './moment';
import type { ItemSpec } from './spec';
import { pickTopicItem, topicShapes, tryBuild } from './topic-pick';

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
  const shapeCounts = new Map<string, number>();
  const phases = new Map<Moment, number>();
  const out: ItemSpec[] = [];
  for (let i = 0; i < config.count; i++) {
    const candidates: Drawn[] = [];
    let fallback: Drawn | null = null;
    for (let turn = 0; turn < topics.length && candidates.length === 0; turn++) {
      const topic = topics[(i + offset + turn) % topics.length] as Topic;
      const ask = { topic, ticked: topics, difficulty: config.difficulty };
      const asked = topicShapes(ask);
      if (asked.length === 0) continue;
      const fresh = (item: QuizItem) => {
        const key = questionKey(item);
        return !seen.has(key) && !candidates.some((c) => c.key === key) && (shapeCounts.get(questionShape(item)) ?? 0) < MAX_SHAPE_REPEATS;
      };
      for (let draw = 0; draw < DRAWS && candidates.length < CANDIDATES; draw++) {
        const picked = pickTopicItem(ask, rng.pick(asked), rng.int(0, 0xffff_ffff), fresh);
        const phase = momentsOf(picked.item)[0] as Moment;
        const drawn = { spec: picked.spec, phase, key: questionKey(picked.item), shape: questionShape(picked.item, phase) };
        fallback ??= drawn;
        if (fresh(picked.item)) candidates.push(drawn);
      }
    }
    const used = (d: Drawn) => phases.get(d.phase) ?? 0;
    const pick = candidates.reduce<Drawn | null>((best, c) => (best === null || used(c) < used(best) ? c : best), null) ?? fallback;
    if (!pick) continue;
    seen.add(pick.key);
    shapeCounts.set(pick.shape, (shapeCounts.get(pick.shape) ?? 0) + 1);
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
