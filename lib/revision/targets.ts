// What a review card schedules: not one question but a skill in one shape (the question kind and
// scenario family it was missed in, or the exam-track style), so that each review can serve a
// fresh question with new numbers: the learner must apply the rule, not remember the answer. Pure.
import { seededRandom, type Difficulty, type ScenarioFamily } from '../engine/index';
import { buildItem, decodeSpec, skillOf, TOPIC_FAMILIES, type QuestionKind, type Skill } from '../quiz/index';
import { refOfSpec, refOfTrack } from './question';
import { decodeTrackSpec, type TrackStyle } from './track';

export type ReviewTarget =
  | { type: 'quiz'; skill: Skill; kind: QuestionKind; family: ScenarioFamily | null; difficulty: Difficulty }
  | { type: 'track'; style: TrackStyle; difficulty: Difficulty };

/** One key per target: a second miss of the same skill in the same shape lapses the same card. */
export function targetKey(t: ReviewTarget): string {
  return t.type === 'track' ? `track:${t.style}:${t.difficulty}` : `quiz:${t.skill}:${t.kind}:${t.family ?? '*'}:${t.difficulty}`;
}

/**
 * The target of a missed question. A lesson's own question has no spec (its trace is the
 * lesson's): its skill and kind are reviewed on generated scenarios of any family.
 */
export function targetOf(ref: string, fallback: { skill: Skill; kind: QuestionKind }): ReviewTarget {
  const track = decodeTrackSpec(ref);
  if (track) return { type: 'track', style: track.style, difficulty: track.difficulty };
  const spec = decodeSpec(ref);
  if (spec) return { type: 'quiz', skill: fallback.skill, kind: spec.kind, family: spec.family, difficulty: spec.difficulty };
  return { type: 'quiz', skill: fallback.skill, kind: fallback.kind, family: null, difficulty: 'beginner' };
}

const ATTEMPTS = 40;

function familiesFor(difficulty: Difficulty): ScenarioFamily[] {
  return [...new Set(Object.values(TOPIC_FAMILIES).flatMap((levels) => levels[difficulty]))];
}

/**
 * A fresh question for a target, from a seed the app draws: the same shape and skill with other
 * numbers, never the seed `avoid` (the question last seen). Falls back to the same shape when no
 * seed tried gives the same skill; null only when the shape cannot be built at all.
 */
export function freshRef(target: ReviewTarget, seed: number, avoid: string | null = null): string | null {
  const rng = seededRandom(seed);
  if (target.type === 'track') {
    for (let i = 0; i < ATTEMPTS; i++) {
      const ref = refOfTrack({ style: target.style, seed: rng.int(0, 0xffff_ffff), difficulty: target.difficulty });
      if (ref !== avoid) return ref;
    }
    return null;
  }
  const families = target.family ? [target.family] : familiesFor(target.difficulty);
  let sameShape: string | null = null;
  for (let i = 0; i < ATTEMPTS; i++) {
    const spec = { kind: target.kind, family: rng.pick(families), seed: rng.int(0, 0xffff_ffff), difficulty: target.difficulty };
    const ref = refOfSpec(spec);
    if (ref === avoid) continue;
    let skill: Skill;
    try {
      skill = skillOf(buildItem(spec));
    } catch {
      continue; // this scenario has nothing of this kind to ask
    }
    if (skill === target.skill) return ref;
    sameShape ??= ref;
  }
  return sameShape;
}
