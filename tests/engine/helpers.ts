// Builders for engine tests: raw events, the client/server pair, and event prefixes that reach
// each state. ISNs sit just below 2^32 so ordinary tests cross the wrap.
import { parseTrace, replayTrace, type EndpointSpec, type Flag, type ReplayResult, type Side, type TraceEvent } from '@/lib/engine';

export const A_ISN = 0xffff_ffff; // A's SYN takes the last number; its next seq is 0
export const B_ISN = 0xffff_fff0;
export const MOD = 0x1_0000_0000;
export const add = (a: number, b: number): number => (a + b) % MOD;

export const CLIENT_SERVER: Record<Side, EndpointSpec> = { A: { role: 'client' }, B: { role: 'server' } };

export function seg(from: Side, flags: Flag[], seq: number, ack: number, len = 0): TraceEvent {
  return { from, flags, seq, ack, len };
}

export function send(id: string, from: Side, flags: Flag[], seq: number, ack: number, len = 0): TraceEvent {
  return { send: { from, flags, seq, ack, len }, id };
}

export function replay(events: TraceEvent[], endpoints: Record<Side, EndpointSpec> = CLIENT_SERVER, lang: 'en' | 'zh' = 'en'): ReplayResult {
  // Through parseTrace, as every real caller goes, so the tests also cover validation.
  return replayTrace(parseTrace({ endpoints, events }), { lang });
}

export function lastStep(r: ReplayResult) {
  const s = r.steps[r.steps.length - 1];
  if (!s) throw new Error('no steps');
  return s;
}

/** The index of the first step with an error, or -1. */
export function firstError(r: ReplayResult): number {
  return r.steps.findIndex((s) => s.error !== null);
}

export function expectValid(r: ReplayResult): void {
  const i = firstError(r);
  if (i >= 0) throw new Error(`step ${i} has an error: ${JSON.stringify(r.steps[i]?.error)}`);
}

// Numbers after the handshake: A's SND.NXT = B's RCV.NXT, and the other way round.
export const A1 = add(A_ISN, 1); // 0
export const B1 = add(B_ISN, 1);

export const HANDSHAKE: TraceEvent[] = [
  seg('A', ['SYN'], A_ISN, 0),
  seg('B', ['SYN', 'ACK'], B_ISN, A1),
  seg('A', ['ACK'], A1, B1),
];

/** A has sent its FIN (delivered); B is CLOSE_WAIT, A FIN_WAIT_1. */
export const A_FIN_SENT: TraceEvent[] = [...HANDSHAKE, seg('A', ['FIN', 'ACK'], A1, B1)];
export const A2 = add(A1, 1);
/** ... and B acknowledged it: A FIN_WAIT_2, B CLOSE_WAIT. */
export const A_FIN_WAIT_2: TraceEvent[] = [...A_FIN_SENT, seg('B', ['ACK'], B1, A2)];
export const B2 = add(B1, 1);
/** ... and B sent its FIN: A TIME_WAIT, B LAST_ACK. */
export const A_TIME_WAIT: TraceEvent[] = [...A_FIN_WAIT_2, seg('B', ['FIN', 'ACK'], B1, A2)];
