// Turns untrusted JSON into a Trace, or throws a TraceFormatError naming the JSON path of the
// first problem. Hand-written rather than a schema library: it runs on every event of a
// 200,000-event replay (see `npm run bench`) and the engine ships to the browser without deps.
import {
  APP_CALLS,
  FLAGS,
  ROLES,
  SIDES,
  STATES,
  TIMERS,
  type AppCall,
  type EndpointSpec,
  type Flag,
  type Segment,
  type Side,
  type TcpState,
  type Trace,
  type TraceEvent,
} from './types';

export class TraceFormatError extends Error {
  override name = 'TraceFormatError';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

const U32_MAX = 0xffff_ffff;
/** No real segment carries more than a 64 KiB window plus options; anything above is a typo. */
const MAX_LEN = 0x4000_0000;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(path: string, detail: string): never {
  throw new TraceFormatError(path, detail);
}

/**
 * A short account of a wrong value for an error message. Never the whole value: it may be
 * nested thousands deep (JSON.stringify would overflow the stack) or megabytes long, and
 * JSON.stringify prints a number beyond double range (`1e400` parses as Infinity) as null.
 */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a number beyond the range of JSON numbers';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object' && v !== null) return 'an object';
  return JSON.stringify(v);
}

// The checks below build a value's JSON path only when it is wrong: a long replay validates
// millions of fields, and a path string per field was most of the cost of reading a trace.

function isOneOf<T extends string>(v: unknown, allowed: readonly T[]): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

function notOneOf(allowed: readonly string[], v: unknown, path: string): never {
  return fail(path, `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  return isOneOf(v, allowed) ? v : notOneOf(allowed, v, path);
}

function isIntegerIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

function notIntegerIn(min: number, max: number, v: unknown, path: string): never {
  return fail(path, `expected an integer from ${min} to ${max}, got ${describe(v)}`);
}

function parseFlags(v: unknown, path: string): Flag[] {
  if (!Array.isArray(v)) fail(`${path}.flags`, 'expected an array of flags');
  const flags: Flag[] = [];
  for (let i = 0; i < v.length; i++) {
    const flag: unknown = v[i];
    if (!isOneOf(flag, FLAGS)) notOneOf(FLAGS, flag, `${path}.flags[${i}]`);
    if (flags.includes(flag)) fail(`${path}.flags[${i}]`, `flag ${flag} appears twice`);
    flags.push(flag);
  }
  return flags;
}

function parseSegment(v: unknown, path: string): Segment {
  if (!isObject(v)) fail(path, 'expected a segment object');
  const { from, seq, ack, len } = v;
  if (!isOneOf(from, SIDES)) notOneOf(SIDES, from, `${path}.from`);
  const flags = parseFlags(v.flags, path);
  if (!isIntegerIn(seq, 0, U32_MAX)) notIntegerIn(0, U32_MAX, seq, `${path}.seq`);
  if (!isIntegerIn(ack, 0, U32_MAX)) notIntegerIn(0, U32_MAX, ack, `${path}.ack`);
  if (len !== undefined && !isIntegerIn(len, 0, MAX_LEN)) notIntegerIn(0, MAX_LEN, len, `${path}.len`);
  return { from, flags, seq, ack, len: len ?? 0 };
}

function segmentId(v: unknown, path: string): string {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  return fail(path, 'expected a segment id (a non-empty string)');
}

function parseEvent(v: unknown, path: string): TraceEvent {
  if (!isObject(v)) fail(path, 'expected an event object');
  if ('send' in v) return { send: parseSegment(v.send, `${path}.send`), id: segmentId(v.id, `${path}.id`) };
  if ('deliver' in v) return { deliver: segmentId(v.deliver, `${path}.deliver`) };
  if ('drop' in v) return { drop: segmentId(v.drop, `${path}.drop`) };
  if ('app' in v) {
    const app = v.app;
    if (!isObject(app)) fail(`${path}.app`, 'expected { at, call }');
    const at = oneOf<Side>(app.at, SIDES, `${path}.app.at`);
    const call = oneOf<AppCall>(app.call, APP_CALLS, `${path}.app.call`);
    if (call === 'send') {
      if (!isIntegerIn(app.len, 1, MAX_LEN)) notIntegerIn(1, MAX_LEN, app.len, `${path}.app.len`);
      return { app: { at, call, len: app.len } };
    }
    return { app: { at, call } };
  }
  if ('timeout' in v) {
    const t = v.timeout;
    if (!isObject(t)) fail(`${path}.timeout`, 'expected { at, timer }');
    return {
      timeout: { at: oneOf<Side>(t.at, SIDES, `${path}.timeout.at`), timer: oneOf(t.timer, TIMERS, `${path}.timeout.timer`) },
    };
  }
  if ('expect' in v) {
    const e = v.expect;
    if (!isObject(e)) fail(`${path}.expect`, 'expected { A?: STATE, B?: STATE }');
    const expect: Partial<Record<Side, TcpState>> = {};
    for (const key of Object.keys(e)) {
      const side = oneOf<Side>(key, SIDES, `${path}.expect`);
      expect[side] = oneOf<TcpState>(e[key], STATES, `${path}.expect.${side}`);
    }
    if (expect.A === undefined && expect.B === undefined) fail(`${path}.expect`, 'names no endpoint');
    return { expect };
  }
  if ('from' in v) return parseSegment(v, path);
  return fail(path, 'unknown event: expected send, deliver, drop, app, timeout, expect or a segment');
}

/**
 * Validates the event at `$.events[index]` of a trace read one event at a time (the CLI reads
 * long traces streaming). Pure; throws TraceFormatError with the path parseTrace would give.
 */
export function parseTraceEvent(input: unknown, index: number): TraceEvent {
  return parseEvent(input, `$.events[${index}]`);
}

function parseEndpoint(v: unknown, path: string): EndpointSpec {
  if (!isObject(v)) fail(path, 'expected { role }');
  const role = oneOf(v.role, ROLES, `${path}.role`);
  if (v.initial === undefined) return { role };
  return { role, initial: oneOf<TcpState>(v.initial, ['CLOSED', 'LISTEN'], `${path}.initial`) };
}

/** Validates a trace's `endpoints` (`$.endpoints`). Pure; throws TraceFormatError. */
export function parseEndpoints(input: unknown): Record<Side, EndpointSpec> {
  if (!isObject(input)) fail('$.endpoints', 'expected { A: { role }, B: { role } }');
  return { A: parseEndpoint(input.A, '$.endpoints.A'), B: parseEndpoint(input.B, '$.endpoints.B') };
}

/** Validates untrusted input as a trace. Pure; throws TraceFormatError. */
export function parseTrace(input: unknown): Trace {
  if (!isObject(input)) fail('$', 'expected a trace object with endpoints and events');
  if (!isObject(input.endpoints)) fail('$.endpoints', 'expected { A: { role }, B: { role } }');
  if (!Array.isArray(input.events)) fail('$.events', 'expected an array of events');
  const endpoints = parseEndpoints(input.endpoints);
  const events: TraceEvent[] = new Array(input.events.length);
  for (let i = 0; i < events.length; i++) events[i] = parseTraceEvent(input.events[i], i);
  const trace: Trace = { endpoints, events };
  if (typeof input.name === 'string') trace.name = input.name;
  if (typeof input.description === 'string') trace.description = input.description;
  return trace;
}
