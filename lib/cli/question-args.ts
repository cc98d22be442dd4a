// What `trace grade` and `trace item` share: the --lang option and one error type for a question
// that cannot be asked or an answer that cannot be read (one line on stderr, exit 2).
import { LANGS, type Lang } from '../engine/index';

export class QuestionInputError extends Error {}

export function langOption(value: string | undefined): Lang {
  const lang = value ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang)) throw new QuestionInputError(`--lang must be one of ${LANGS.join(', ')}`);
  return lang as Lang;
}

/** Parses JSON from the command line or a file, naming what it was for when it is not JSON. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new QuestionInputError(`${what} is not JSON (${(e as Error).message})`);
  }
}
