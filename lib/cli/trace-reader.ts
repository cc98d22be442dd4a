// Reads the text of a trace as it arrives, in chunks, without holding the document: the
// members of the top-level object come out one by one, and the elements of `events` in batches
// of consecutive events. Memory is one chunk plus one batch, whatever the number of events.
//
// It only finds where each value starts and ends (strings, brackets, separators); each value is
// then read by JSON.parse, so what counts as JSON is exactly JSON.parse's. A batch of events is
// parsed as one array, which keeps the per-event cost at native speed. Pure.

/** A member of the top-level object other than `events`, or a batch of events. */
export type TracePiece =
  | { kind: 'member'; key: string; value: unknown }
  | { kind: 'events-start' }
  | { kind: 'events'; first: number; values: unknown[] }
  | { kind: 'events-end'; count: number }
  /** The document is not an object: the whole value, for the caller to reject. */
  | { kind: 'not-object'; value: unknown };

/** The text is not JSON. Positions count UTF-16 units from the start, as JSON.parse does. */
export class NotJsonError extends Error {
  override name = 'NotJsonError';
}

const enum At {
  Begin,
  KeyOrEnd,
  Key,
  KeyAfterComma,
  Colon,
  ValueStart,
  Value,
  ElementOrEnd,
  Element,
  ElementAfterComma,
  ElementEnd,
  MemberEnd,
  After,
  NotObject,
}

/** Events are parsed in batches of about this many characters. */
const BATCH = 1 << 16;

/** The gap between two events: the end of one object, a comma, the start of the next. */
const GAP = /\}[ \t\r\n]*,[ \t\r\n]*\{/g;

/**
 * A gap after `from` to cut at: the first one past a batch's length (batches stay small, so
 * their events die young in the garbage collector), else the last one in the text.
 */
function gapToCut(text: string, from: number): { end: number; next: number } | null {
  GAP.lastIndex = from + BATCH;
  let m = from + BATCH < text.length ? GAP.exec(text) : null;
  for (let window = 1 << 12; m === null; window <<= 4) {
    const start = Math.max(from, text.length - window);
    GAP.lastIndex = start;
    for (let next = GAP.exec(text); next !== null; next = GAP.exec(text)) m = next;
    if (start === from) break;
  }
  return m === null ? null : { end: m.index + 1, next: m.index + m[0].length - 1 };
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Where one value ends, found across chunks: the scan resumes where the last chunk stopped. */
class ValueScanner {
  private depth = 0;
  private inString = false;
  private escape = false;
  /** A number, true, false or null: it ends at the first character that cannot continue it. */
  private bare = false;

  start(c: number): void {
    this.depth = c === OPEN_BRACE || c === OPEN_BRACKET ? 1 : 0;
    this.inString = c === QUOTE;
    this.escape = false;
    this.bare = this.depth === 0 && !this.inString;
  }

  /** Scans text[from..] for the end of the value begun before; the index after it, or -1. */
  scan(text: string, from: number): number {
    const n = text.length;
    let { depth, inString, escape } = this;
    if (this.bare) {
      for (let i = from; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) return i;
      }
      return -1;
    }
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === BACKSLASH) escape = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) return i + 1;
        }
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
    }
    this.depth = depth;
    this.inString = inString;
    this.escape = escape;
    return -1;
  }

  /** The value is a number, true, false or null (or not JSON at all). */
  get isBare(): boolean {
    return this.bare;
  }
}

/** JSON.parse, with a failure reported at its position in the whole document. */
function parseAt(text: string, offset: number): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message.replace(/at position (\d+)/, (_, p: string) => `at position ${offset + Number(p)}`);
    throw new NotJsonError(message);
  }
}

/**
 * Feed it the text in order (`push`), then `end()`; each returns the pieces completed so far.
 * A leading byte order mark is skipped. Throws NotJsonError where the text stops being JSON.
 */
export class TraceReader {
  private text = '';
  /** Position in the whole document of text[0]. */
  private base = 0;
  private i = 0;
  private at = At.Begin;
  private key = '';
  private readonly value = new ValueScanner();
  /** Start (in `text`) of the value or key being scanned. */
  private start = 0;
  private batchStart = -1;
  private batchEnd = 0;
  private batchCount = 0;
  private events = 0;
  /** No fast cut before this position (one failed just before it). */
  private exactUntil = 0;
  private out: TracePiece[] = [];

  push(chunk: string): TracePiece[] {
    // A byte order mark (Windows editors write one) is not part of the JSON.
    const text = this.base === 0 && this.text.length === 0 && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    this.text += text;
    this.run();
    this.flushBatch();
    this.compact();
    return this.take();
  }

  end(): TracePiece[] {
    if (this.at === At.NotObject) {
      this.out.push({ kind: 'not-object', value: parseAt(this.text, this.base) });
      this.at = At.After;
    }
    if (this.at !== At.After) {
      throw new NotJsonError(this.at === At.Begin ? 'Unexpected end of JSON input (the input is empty)' : 'Unexpected end of JSON input');
    }
    return this.take();
  }

  private take(): TracePiece[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private unexpected(i: number): never {
    const c = this.text[i] as string;
    throw new NotJsonError(`Unexpected ${JSON.stringify(c)} in JSON at position ${this.base + i}`);
  }

  /** Drops the text before what is still needed: the current key, value or batch of events. */
  private compact(): void {
    const keep = this.at === At.NotObject ? 0 : this.needed();
    if (keep === 0) return;
    this.text = this.text.slice(keep);
    this.base += keep;
    this.i -= keep;
    this.start -= keep;
    if (this.batchStart >= 0) {
      this.batchStart -= keep;
      this.batchEnd -= keep;
    }
  }

  private needed(): number {
    if (this.batchStart >= 0) return this.batchStart;
    if (this.at === At.Key || this.at === At.Value || this.at === At.Element) return this.start;
    return this.i;
  }

  private flushBatch(): void {
    if (this.batchCount === 0) return;
    const values = parseAt(`[${this.text.slice(this.batchStart, this.batchEnd)}]`, this.base + this.batchStart - 1) as unknown[];
    this.out.push({ kind: 'events', first: this.events - this.batchCount, values });
    this.batchCount = 0;
    // An event still being scanned starts the next batch.
    this.batchStart = this.at === At.Element ? this.start : -1;
  }

  /** The state machine over the top-level object; returns when it needs more text. */
  private run(): void {
    const text = this.text;
    const n = text.length;
    let i = this.i;
    while (i < n) {
      if (this.at === At.NotObject) {
        i = n;
        break;
      }
      // Values (most of the text) are scanned by ValueScanner; between them, skip spaces.
      if (this.at === At.Key || this.at === At.Value || this.at === At.Element) {
        const end = this.value.scan(text, i);
        if (end < 0) {
          i = n;
          break;
        }
        i = end;
        this.finishValue(end);
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (c === OPEN_BRACE && (this.at === At.ElementOrEnd || this.at === At.ElementAfterComma) && this.base + i >= this.exactUntil) {
        const next = this.fastEvents(i);
        if (next >= 0) {
          i = next;
          continue;
        }
      }
      this.structural(c, i);
      i++;
    }
    this.i = i;
  }

  /**
   * The fast way through `events`: cut the text at the last place that looks like the gap between
   * two events (`},{`) and parse everything before it as one array, without looking at each
   * character. A cut inside a string or inside a nested value cannot parse (it leaves a string or a
   * bracket open), so an array that parses holds exactly the events before the cut. When it does
   * not parse, the exact scan takes this stretch. Returns where the next event starts, or -1.
   */
  private fastEvents(i: number): number {
    const cut = gapToCut(this.text, i);
    if (cut === null) return -1;
    let values: unknown[];
    try {
      values = JSON.parse(`[${this.text.slice(i, cut.end)}]`) as unknown[];
    } catch {
      this.exactUntil = this.base + i + BATCH;
      return -1;
    }
    this.flushBatch();
    this.out.push({ kind: 'events', first: this.events, values });
    this.events += values.length;
    this.at = At.ElementAfterComma;
    return cut.next;
  }

  /** The character c at text[i], outside any value: a brace, bracket, comma, colon or a value's start. */
  private structural(c: number, i: number): void {
    switch (this.at) {
      case At.Begin:
        this.at = c === OPEN_BRACE ? At.KeyOrEnd : At.NotObject;
        return;
      case At.KeyOrEnd:
      case At.KeyAfterComma:
        if (c === CLOSE_BRACE && this.at === At.KeyOrEnd) this.at = At.After;
        else if (c === QUOTE) this.begin(At.Key, i, c);
        else this.unexpected(i);
        return;
      case At.Colon:
        if (c !== COLON) this.unexpected(i);
        this.at = At.ValueStart;
        return;
      case At.ValueStart:
        if (this.key === 'events' && c === OPEN_BRACKET) {
          this.out.push({ kind: 'events-start' });
          this.at = At.ElementOrEnd;
        } else this.begin(At.Value, i, c);
        return;
      case At.ElementOrEnd:
      case At.ElementAfterComma:
        if (c === CLOSE_BRACKET && this.at === At.ElementOrEnd) this.endEvents();
        else this.begin(At.Element, i, c);
        return;
      case At.ElementEnd:
        if (c === COMMA) this.at = At.ElementAfterComma;
        else if (c === CLOSE_BRACKET) this.endEvents();
        else this.unexpected(i);
        return;
      case At.MemberEnd:
        if (c === COMMA) this.at = At.KeyAfterComma;
        else if (c === CLOSE_BRACE) this.at = At.After;
        else this.unexpected(i);
        return;
      default:
        this.unexpected(i);
    }
  }

  /** A value (or key) starts at text[i], whose first character is c. */
  private begin(next: At, i: number, c: number): void {
    this.at = next;
    this.start = i;
    if (next === At.Element && this.batchStart < 0) this.batchStart = i;
    this.value.start(c);
    if (this.value.isBare && (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COMMA || c === COLON)) this.unexpected(i);
  }

  private finishValue(end: number): void {
    const slice = () => this.text.slice(this.start, end);
    switch (this.at) {
      case At.Key:
        this.key = parseAt(slice(), this.base + this.start) as string;
        this.at = At.Colon;
        return;
      case At.Value:
        this.out.push({ kind: 'member', key: this.key, value: parseAt(slice(), this.base + this.start) });
        this.at = At.MemberEnd;
        return;
      case At.Element:
        this.batchEnd = end;
        this.batchCount++;
        this.events++;
        this.at = At.ElementEnd;
        if (this.batchEnd - this.batchStart >= BATCH) this.flushBatch();
        return;
      default:
        return;
    }
  }

  private endEvents(): void {
    this.flushBatch();
    this.out.push({ kind: 'events-end', count: this.events });
    this.at = At.MemberEnd;
  }
}
