// The options of a choice question: the right answer and a few distinct wrong ones, in a seeded
// order. Shared by practice multiple choice, the state-pair choice and the exam track, so that
// every choice question picks its distractors the same way. Pure.
import type { Random } from '../engine/index';

/**
 * The right answer and up to `count` of the candidates (distinct from it and from each other, in
 * the order given) that `isWrong` accepts, shuffled by `rng`.
 */
export function offerChoices<T>(rng: Random, right: T, candidates: readonly T[], isWrong: (candidate: T) => boolean, count = 3): T[] {
  const seen = new Set([JSON.stringify(right)]);
  const wrong: T[] = [];
  for (const candidate of candidates) {
    if (wrong.length === count) break;
    const key = JSON.stringify(candidate);
    if (seen.has(key)) continue;
    seen.add(key);
    if (isWrong(candidate)) wrong.push(candidate);
  }
  return rng.shuffle([right, ...wrong]);
}
