// Byte-count questions, as written exams ask them: "A's SYN has seq 1000 and its FIN seq 5001:
// how many bytes of data did A send?" (4000), "B acknowledges with ack N: how many bytes of A's
// data has B received?", and after a loss "how many bytes must A send again?". Each is read off
// the trace's own sequence numbers with the engine's modular arithmetic, so exactly one number is
// right, across the 2^32 wrap too. Pure.
import type { Misconception } from './misconceptions';
import { segmentOf, seq, seqDiff, seqLt, type Segment, type Side, type Trace } from '../engine/index';

export const BYTE_ASKS = ['span', 'acked', 'retransmit'] as const;
export type ByteAsk = (typeof BYTE_ASKS)[number];

/**
 * One byte-count question: whose bytes are counted and the two sequence numbers the question
 * gives. `span`: the side's SYN seq and FIN seq. `acked`: the side's SYN seq and the ack number
 * the peer sends. `retransmit`: the ack the receiver repeats (the first missing byte) and the
 * seq of the first byte it holds beyond the gap.
 */
export interface ByteQuestion {
  ask: ByteAsk;
  side: Side;
  from: number;
  to: number;
}

/** The one right answer. A SYN takes one sequence number and carries no data, so span and acked count from ISN + 1. Pure. */
export function byteAnswer(q: ByteQuestion): number {
  return seqDiff(seq(q.from), seq(q.to)) - (q.ask === 'retransmit' ? 0 : 1);
}

const peerOf = (side: Side): Side => (side === 'A' ? 'B' : 'A');

interface Sent {
  event: number;
  segment: Segment;
}

/** Every segment a trace sends (a `send` event or a shorthand segment), in order. */
function sentSegments(trace: Trace): Sent[] {
  return trace.events.flatMap((e, event) => {
    const segment = segmentOf(e);
    return segment ? [{ event, segment }] : [];
  });
}

/** The side's latest SYN before `event` (a side may open twice, as in RFC 9293 figure 8). */
function synBefore(sent: readonly Sent[], side: Side, event: number): Segment | null {
  let syn: Segment | null = null;
  for (const s of sent) if (s.event < event && s.segment.from === side && s.segment.flags.includes('SYN')) syn = s.segment;
  return syn;
}

const hasFinBefore = (sent: readonly Sent[], side: Side, event: number): boolean =>
  sent.some((s) => s.event < event && s.segment.from === side && s.segment.flags.includes('FIN'));

/** "A's SYN had seq X and its FIN seq Y: how many bytes of data did A send?" at each side's first FIN that follows data. */
function spanQuestions(sent: readonly Sent[]): Array<{ event: number; question: ByteQuestion }> {
  return sent.flatMap(({ event, segment }) => {
    if (!segment.flags.includes('FIN') || hasFinBefore(sent, segment.from, event)) return [];
    const syn = synBefore(sent, segment.from, event);
    if (!syn) return [];
    const question: ByteQuestion = { ask: 'span', side: segment.from, from: syn.seq, to: segment.seq };
    return [{ event, question }];
  });
}

/** "B acknowledges with ack N: how many bytes of A's data has B received?" at every ACK that covers data and no FIN. */
function ackedQuestions(sent: readonly Sent[]): Array<{ event: number; question: ByteQuestion }> {
  return sent.flatMap(({ event, segment }) => {
    if (!segment.flags.includes('ACK') || segment.flags.includes('SYN')) return [];
    const side = peerOf(segment.from);
    const syn = synBefore(sent, side, event);
    if (!syn || hasFinBefore(sent, side, event)) return [];
    return [{ event, question: { ask: 'acked', side, from: syn.seq, to: segment.ack } satisfies ByteQuestion }];
  });
}

/** The seq of a segment `deliver` brings, by its id. */
function deliveredSeqs(trace: Trace, before: number, side: Side): number[] {
  const sentById = new Map<string, Segment>();
  trace.events.forEach((e) => {
    if ('send' in e) sentById.set(e.id, e.send);
  });
  return trace.events.slice(0, before).flatMap((e) => {
    if (!('deliver' in e)) return [];
    const s = sentById.get(e.deliver);
    return s && s.from === side && s.len > 0 ? [s.seq] : [];
  });
}

/**
 * "Segment seq S was lost; B holds what came after it: how many bytes must A send again?" at each
 * retransmission of data that fills a gap, the first byte held beyond it bounding the count.
 */
function retransmitQuestions(trace: Trace, sent: readonly Sent[]): Array<{ event: number; question: ByteQuestion }> {
  return sent.flatMap(({ event, segment }) => {
    if (segment.len === 0) return [];
    const repeats = sent.some((s) => s.event < event && s.segment.from === segment.from && s.segment.seq === segment.seq && s.segment.len > 0);
    if (!repeats) return [];
    const held = deliveredSeqs(trace, event, segment.from).filter((x) => seqLt(seq(segment.seq), seq(x)));
    if (held.length === 0) return [];
    const first = held.reduce((a, b) => (seqLt(seq(b), seq(a)) ? b : a));
    return [{ event, question: { ask: 'retransmit', side: segment.from, from: segment.seq, to: first } }];
  });
}

/**
 * Every byte-count question a trace can ask, with the event each is about. Counts of data come
 * first; a connection that carries none is asked for its zero ("A's SYN took 1000, B acks
 * 1001: how many bytes?"), which is what the SYN's one number teaches. Pure.
 */
export function byteQuestions(trace: Trace): Array<{ event: number; question: ByteQuestion }> {
  const sent = sentSegments(trace);
  const all = [...spanQuestions(sent), ...ackedQuestions(sent), ...retransmitQuestions(trace, sent)];
  const counted = all.filter(({ question }) => byteAnswer(question) > 0);
  return counted.length > 0 ? counted : all;
}

/**
 * The misconception behind a wrong count: a SYN or FIN counted as data (or the ISN's own number
 * left out), the ack misread (taken for the last byte received, or for a count), or everything
 * after the gap resent; a count far off from a SYN's and a FIN's seq, how seq advances. Pure.
 */
export function classifyByteMistake(q: ByteQuestion, got: number): Misconception {
  const off = got - byteAnswer(q);
  if (q.ask === 'retransmit') return off > 1 ? 'retransmit_only_the_gap' : 'ack_is_next_byte';
  if (q.ask === 'acked' && off === -1) return 'ack_is_next_byte';
  if (Math.abs(off) <= 2) return 'syn_fin_consume_one';
  return q.ask === 'acked' ? 'ack_is_next_byte' : 'seq_counts_bytes';
}

/**
 * Whether a byte-count question is shown before its event (the retransmission is what is asked
 * for, so the diagram stops before it) or with it (the FIN or the ACK gives the second number).
 */
export const shownWithEvent = (q: ByteQuestion): boolean => q.ask !== 'retransmit';
