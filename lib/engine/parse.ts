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

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  return fail(path, `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
}

function integer(v: unknown, min: number, max: number, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    fail(path, `expected an integer from ${min} to ${max}, got ${describe(v)}`);
  }
  return v;
}

function parseSegment(v: unknown, path: string): Segment {
  if (!isObject(v)) fail(path, 'expected a segment object');
  const from = oneOf<Side>(v.from, SIDES, `${path}.from`);
  if (!Array.isArray(v.flags)) fail(`${path}.flags`, 'expected an array of flags');
  const flags: Flag[] = [];
  v.flags.forEach((f, i) => {
    const flag = oneOf<Flag>(f, FLAGS, `${path}.flags[${i}]`);
    if (flags.includes(flag)) fail(`${path}.flags[${i}]`, `flag ${flag} appears twice`);
    flags.push(flag);
  });
  return {
    from,
    flags,
    seq: integer(v.seq, 0, U32_MAX, `${path}.seq`),
    ack: integer(v.ack, 0, U32_MAX, `${path}.ack`),
    len: v.len === undefined ? 0 : integer(v.len, 0, MAX_LEN, `${path}.len`),
  };
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
    if (call === 'send') return { app: { at, call, len: integer(app.len, 1, MAX_LEN, `${path}.app.len`) } };
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

function parseEndpoint(v: unknown, path: string): EndpointSpec {
  if (!isObject(v)) fail(path, 'expected { role }');
  const role = oneOf(v.role, ROLES, `${path}.role`);
  if (v.initial === undefined) return { role };
  return { role, initial: oneOf<TcpState>(v.initial, ['CLOSED', 'LISTEN'], `${path}.initial`) };
}

/** Validates untrusted input as a trace. Pure; throws TraceFormatError. */
export function parseTrace(input: unknown): Trace {
  if (!isObject(input)) fail('$', 'expected a trace object with endpoints and events');
  if (!isObject(input.endpoints)) fail('$.endpoints', 'expected { A: { role }, B: { role } }');
  if (!Array.isArray(input.events)) fail('$.events', 'expected an array of events');
  const trace: Trace = {
    endpoints: {
      A: parseEndpoint(input.endpoints.A, '$.endpoints.A'),
      B: parseEndpoint(input.endpoints.B, '$.endpoints.B'),
    },
    events: input.events.map((e, i) => parseEvent(e, `$.events[${i}]`)),
  };
  if (typeof input.name === 'string') trace.name = input.name;
  if (typeof input.description === 'string') trace.description = input.description;
  return trace;
}
