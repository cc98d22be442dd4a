// `trace replay`: the trace is read as it streams (trace-reader.ts), each event validated and
// replayed as it arrives, and the steps spooled until `valid` is known, so memory does not grow
// with the number of events and the output is exactly the whole-document replay's.
//
// A trace is replayed in one pass when its `endpoints` come before its `events` and no side's
// RST was judged before that side's first shown call (see startReplay). Otherwise the first pass
// only checks the text, and a second pass over the same input replays it.
import {
  parseEndpoints,
  parseTraceEvent,
  startReplay,
  TraceFormatError,
  type EndpointSpec,
  type Lang,
  type ReplayStep,
  type Side,
  type StatePair,
  type StreamedReplay,
} from '../engine/index';
import { writeJson, type Write } from './json-out';
import { Spool, type OpenSpill } from './spool';
import { NotJsonError, TraceReader, type TracePiece } from './trace-reader';

/** The input of a replay, readable more than once: each call starts from the first byte. */
export type ReplaySource = () => AsyncIterable<Uint8Array | string>;

/** What a second pass knows from the first. */
interface Plan {
  endpoints: Record<Side, EndpointSpec>;
  callsShown: Record<Side, boolean>;
}

/** Up to this many steps print as JSON.stringify(output, null, 2) does (see json-out.ts). */
const PRETTY_STEPS = 64;

/** The replay output's steps, one compact line each, held in a spool until `valid` is known. */
class StepLines {
  private readonly first: ReplayStep[] = [];
  private count = 0;
  private pending = '';
  private readonly lines = new Map<StatePair, string>();

  constructor(private readonly spool: Spool) {}

  add(step: ReplayStep): void {
    this.count++;
    if (this.count <= PRETTY_STEPS) {
      this.first.push(step);
      return;
    }
    if (this.count === PRETTY_STEPS + 1) for (const [i, s] of this.first.entries()) this.append(this.line(s), i === 0);
    this.append(this.line(step), false);
  }

  /** A step without an error is one of 121 lines: made once each. */
  private line(step: ReplayStep): string {
    if (step.error !== null) return JSON.stringify(step);
    let line = this.lines.get(step.states);
    if (line === undefined) {
      line = JSON.stringify(step);
      this.lines.set(step.states, line);
    }
    return line;
  }

  private append(line: string, first: boolean): void {
    this.pending += first ? `    ${line}` : `,\n    ${line}`;
    if (this.pending.length >= 1 << 16) {
      this.spool.write(this.pending);
      this.pending = '';
    }
  }

  discard(): void {
    this.first.length = 0;
    this.count = 0;
    this.pending = '';
    this.spool.discard();
  }

  async print(valid: boolean, write: Write): Promise<void> {
    if (this.count <= PRETTY_STEPS) {
      await writeJson({ valid, steps: this.first }, write);
      return;
    }
    this.spool.write(this.pending);
    this.pending = '';
    await write(`{\n  "valid": ${valid},\n  "steps": [\n`);
    for await (const text of this.spool.chunks()) await write(text);
    await write('\n  ]\n}\n');
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function twice(key: string): never {
  throw new TraceFormatError('$', `"${key}" appears twice (a trace has one)`);
}

/** One pass over the input: the top-level members checked, the events replayed or only read. */
class Pass {
  endpoints: unknown = undefined;
  /** `events` was seen: true for an array, else its value (which makes the trace unreadable). */
  events: { array: true } | { array: false; value: unknown } | undefined = undefined;
  replay: StreamedReplay | null = null;
  readonly callsSeen = { A: false, B: false };

  constructor(
    private readonly plan: Plan | null,
    private readonly lang: Lang,
    private readonly steps: StepLines,
  ) {}

  take(piece: TracePiece): void {
    switch (piece.kind) {
      case 'member':
        if (piece.key === 'endpoints') {
          if (this.endpoints !== undefined) twice('endpoints');
          this.endpoints = piece.value;
        } else if (piece.key === 'events') {
          if (this.events !== undefined) twice('events');
          this.events = { array: false, value: piece.value };
        }
        return;
      case 'events-start':
        if (this.events !== undefined) twice('events');
        this.events = { array: true };
        this.replay = this.startReplay();
        return;
      case 'events':
        for (let k = 0; k < piece.values.length; k++) this.event(piece.values[k], piece.first + k);
        return;
      case 'events-end':
        return;
      case 'not-object':
        throw new TraceFormatError('$', 'expected a trace object with endpoints and events');
    }
  }

  /** Replays from here when the endpoints are known; else the events are only read this pass. */
  private startReplay(): StreamedReplay | null {
    if (this.plan !== null) return startReplay(this.plan.endpoints, { lang: this.lang, callsShown: this.plan.callsShown });
    if (this.endpoints === undefined) return null;
    // The errors parseTrace would give first: a trace with `events` an array checks endpoints next.
    if (!isObject(this.endpoints)) throw new TraceFormatError('$.endpoints', 'expected { A: { role }, B: { role } }');
    return startReplay(parseEndpoints(this.endpoints), { lang: this.lang });
  }

  private event(value: unknown, index: number): void {
    if (this.replay !== null) {
      this.steps.add(this.replay.next(parseTraceEvent(value, index)));
      return;
    }
    // Read only: note whose calls are shown, for the pass that will replay (and report errors).
    try {
      const event = parseTraceEvent(value, index);
      if ('app' in event) this.callsSeen[event.app.at] = true;
    } catch (e) {
      if (!(e instanceof TraceFormatError)) throw e;
    }
  }

  /** After the last piece: what parseTrace checks of the whole trace, then what a next pass needs. */
  finish(): Plan | null {
    if (!isObject(this.endpoints)) throw new TraceFormatError('$.endpoints', 'expected { A: { role }, B: { role } }');
    if (this.events === undefined || !this.events.array) throw new TraceFormatError('$.events', 'expected an array of events');
    const endpoints = parseEndpoints(this.endpoints);
    if (this.plan !== null) return null;
    if (this.replay === null) return { endpoints, callsShown: this.callsSeen };
    const redo = this.replay.redo();
    return redo === null ? null : { endpoints, callsShown: redo };
  }
}

/**
 * The length of `bytes` without a UTF-8 sequence cut off at its end (the next chunk has the
 * rest): whole chunks decode on TextDecoder's fast path, which streaming decoding is not.
 */
function wholeCharacters(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back] as number;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? n - back : n;
    }
  }
  return n;
}

/** The input as text, chunk by chunk, never splitting a character. */
async function* texts(source: ReplaySource): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  let carry: Uint8Array | null = null;
  for await (const chunk of source()) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const bytes: Uint8Array = carry === null ? chunk : concat(carry, chunk);
    const whole = wholeCharacters(bytes);
    carry = whole === bytes.length ? null : bytes.slice(whole);
    yield decoder.decode(whole === bytes.length ? bytes : bytes.subarray(0, whole));
  }
  if (carry !== null) yield decoder.decode(carry);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

async function readPass(source: ReplaySource, pass: Pass): Promise<void> {
  const reader = new TraceReader();
  try {
    for await (const text of texts(source)) for (const piece of reader.push(text)) pass.take(piece);
    for (const piece of reader.end()) pass.take(piece);
  } catch (e) {
    if (e instanceof NotJsonError) throw new TraceFormatError('$', `not JSON (${e.message})`);
    throw e;
  }
}

export interface ReplayOptions {
  lang: Lang;
  write: Write;
  /** Where held-back steps go past `inMemory` characters (spool.ts); without it, memory. */
  spill?: OpenSpill | undefined;
  inMemory?: number;
}

/** Replays the trace `source` holds and writes the replay output. Throws TraceFormatError. */
export async function replayStream(source: ReplaySource, { lang, write, spill, inMemory }: ReplayOptions): Promise<void> {
  const steps = new StepLines(new Spool(spill, inMemory));
  try {
    let plan: Plan | null = null;
    let pass = new Pass(null, lang, steps);
    await readPass(source, pass);
    plan = pass.finish();
    if (plan !== null) {
      steps.discard();
      pass = new Pass(plan, lang, steps);
      await readPass(source, pass);
      pass.finish();
    }
    await steps.print((pass.replay as StreamedReplay).valid(), write);
  } finally {
    steps.discard();
  }
}
