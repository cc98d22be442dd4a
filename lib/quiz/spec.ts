// An item spec is everything needed to rebuild one question exactly: kind, scenario family,
// seed, difficulty. Specs travel in share links as short strings: "ack.handshake.42.b".
import { isScenarioFamily, parseSeed, type Difficulty, type ScenarioFamily } from '../engine/index';
import { QUESTION_KINDS, type QuestionKind } from './catalog';

export interface ItemSpec {
  kind: QuestionKind;
  family: ScenarioFamily;
  seed: number;
  difficulty: Difficulty;
}

export function encodeSpec(s: ItemSpec): string {
  return `${s.kind}.${s.family}.${s.seed}.${s.difficulty === 'beginner' ? 'b' : 'e'}`;
}

/** Parses one spec from untrusted text (a URL); null when it is not one. */
export function decodeSpec(text: string): ItemSpec | null {
  const [kind, family, seedText, level, ...rest] = text.split('.');
  if (rest.length > 0 || !kind || !family || !seedText || !level) return null;
  if (!(QUESTION_KINDS as readonly string[]).includes(kind) || !isScenarioFamily(family)) return null;
  const seed = parseSeed(seedText);
  if (seed === null || (level !== 'b' && level !== 'e')) return null;
  return { kind: kind as QuestionKind, family, seed, difficulty: level === 'b' ? 'beginner' : 'expert' };
}

/** A whole question set as one URL parameter value; invalid entries are dropped. */
export function encodeSet(specs: readonly ItemSpec[]): string {
  return specs.map(encodeSpec).join('~');
}

export function decodeSet(text: string, max = 100): ItemSpec[] {
  return text
    .split('~')
    .slice(0, max)
    .map(decodeSpec)
    .filter((s): s is ItemSpec => s !== null);
}
