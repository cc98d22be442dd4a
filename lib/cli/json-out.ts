// JSON written in pieces, so an output of millions of replay steps is never one string: V8 caps
// a string near 512 MB, and holding it all doubled the memory of a long replay. Small values
// print as JSON.stringify(value, null, 2) does; a long array prints one compact element per
// line (a step per line reads well and costs a third of the indented form to write).
// Pure apart from the `write` callback.

/** What the CLI writes to: may return a promise to make the writer wait (stdout's backpressure). */
export type Write = (text: string) => void | Promise<void>;

/** Pieces are gathered to about this size before each write: fewer, larger writes are faster. */
const CHUNK = 1 << 16;

/** Arrays longer than this are written one compact element per line; shorter ones indented. */
const SPLIT_AT = 64;

/** Yields the JSON text of `value` in pieces (see the top of the file for its layout). */
export function* prettyJsonPieces(value: unknown, indent = ''): Generator<string> {
  if (Array.isArray(value) && value.length > SPLIT_AT) {
    const inner = `${indent}  `;
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield `${inner}${JSON.stringify(value[i]) ?? 'null'}${i === value.length - 1 ? '\n' : ',\n'}`;
    }
    yield `${indent}]`;
    return;
  }
  if (isPlainObject(value) && Object.values(value).some((v) => Array.isArray(v) && v.length > SPLIT_AT)) {
    const inner = `${indent}  `;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    yield '{\n';
    for (const [i, [key, v]] of entries.entries()) {
      yield `${inner}${JSON.stringify(key)}: `;
      yield* prettyJsonPieces(v, inner);
      yield i === entries.length - 1 ? '\n' : ',\n';
    }
    yield `${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2) ?? 'null';
  yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('toJSON' in value);
}

/** Writes `value` as pretty JSON and a newline, in chunks of about 64 KB, awaiting each write. */
export async function writeJson(value: unknown, write: Write): Promise<void> {
  let buffer = '';
  for (const piece of prettyJsonPieces(value)) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(`${buffer}\n`);
}
