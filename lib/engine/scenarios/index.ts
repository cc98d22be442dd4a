import type { Difficulty, Trace } from '../types';
import { FAMILIES, familyContext, type ScenarioFamily } from './families';
import { seededRandom } from './random';

export type { ScenarioFamily } from './families';

/** The family names, in the order `trace scenarios` lists them. */
export const SCENARIO_FAMILIES = Object.keys(FAMILIES) as ScenarioFamily[];

export class UnknownScenarioError extends Error {
  override name = 'UnknownScenarioError';
  constructor(family: string) {
    super(`unknown scenario "${family}"; known: ${SCENARIO_FAMILIES.join(', ')}`);
  }
}

export function isScenarioFamily(name: string): name is ScenarioFamily {
  return Object.prototype.hasOwnProperty.call(FAMILIES, name);
}

/** A trace of one family; the same family, seed and difficulty always give the same trace. Pure. */
export function generateScenario(family: string, options: { seed?: number; difficulty?: Difficulty } = {}): Trace {
  if (!isScenarioFamily(family)) throw new UnknownScenarioError(family);
  const seed = options.seed ?? 1;
  const difficulty = options.difficulty ?? 'beginner';
  return FAMILIES[family](familyContext(seededRandom(seed), difficulty));
}
