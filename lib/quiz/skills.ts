// The skills mastery is tracked by. A question's skill is found by asking the engine what rule
// a wrong answer to it would break, so skills follow the protocol, not the question's wording.
import { canonicalAnswer, judgeAnswer, replayRecords, segmentOf, type Finding, type FindingCode, type Question, type Segment, type SegmentAnswer, type Side, type TcpState, type Trace } from '../engine/index';
import type { ByteAsk } from './byte-count';
import { askedSegment, type QuizItem } from './item';

export const SKILLS = [
  'ack_of_syn',
  'ack_of_data',
  'ack_of_fin',
  'seq_after_syn',
  'seq_after_data',
  'seq_after_fin',
  'handshake_flags',
  'teardown_flags',
  'ack_flag',
  'handshake_states',
  'teardown_states',
  'time_wait',
  'simultaneous',
  'retransmission',
  'reset',
  'spot_the_error',
] as const;
export type Skill = (typeof SKILLS)[number];

const BY_CODE: Partial<Record<FindingCode, Skill>> = {
  ACK_OF_SYN: 'ack_of_syn',
  ACK_OF_DATA: 'ack_of_data',
  ACK_WITH_GAP: 'ack_of_data',
  ACK_OF_FIN: 'ack_of_fin',
  SEQ_AFTER_SYN: 'seq_after_syn',
  SEQ_AFTER_DATA: 'seq_after_data',
  SEQ_AFTER_FIN: 'seq_after_fin',
  SEQ_SYN_RETRANSMIT: 'retransmission',
  SEQ_FIN_RETRANSMIT: 'retransmission',
  SEQ_DATA_RETRANSMIT: 'retransmission',
  SEQ_RETRANSMIT_UNA: 'retransmission',
  ACK_ZERO_WITHOUT_FLAG: 'ack_flag',
};

/**
 * The rule a byte count applies: from the ack, what an ack acknowledges; from the SYN's seq to the
 * FIN's, that the SYN takes a number of its own (data starts at ISN + 1); after a loss, what a
 * retransmission repeats. Pure.
 */
export function byteSkill(ask: ByteAsk): Skill {
  return ask === 'acked' ? 'ack_of_data' : ask === 'span' ? 'seq_after_syn' : 'retransmission';
}

/** The skill of the rule a finding names, where that rule is a skill of its own. Pure. */
export function skillOfFinding(f: Finding | null): Skill | null {
  return (f && BY_CODE[f.code]) ?? null;
}

/** The segment a `deliver` event brings: the one sent with that id. */
function sentAs(trace: Trace, id: string): Segment | null {
  for (const e of trace.events) if ('send' in e && e.id === id) return e.send;
  return null;
}

const TEARDOWN_STATES: readonly TcpState[] = ['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'LAST_ACK'];

/**
 * The skill of "which state is this side in after event K": the rule of that moment (the
 * transition the event caused, or the state it left the side in), never the scenario's name, so
 * "A after connect()" is a handshake state even in a scenario that ends with a RST.
 */
function stateSkill(trace: Trace, q: Question, side: Side): Skill {
  const record = replayRecords({ ...trace, events: trace.events.slice(0, q.event + 1) })[q.event];
  const state = record?.states[side] ?? 'CLOSED';
  const move = record?.moves.find((m) => m.side === side) ?? null;
  const e = trace.events[q.event];
  const seg = e !== undefined && 'deliver' in e ? sentAs(trace, e.deliver) : segmentOf(e);
  if (state === 'TIME_WAIT' || move?.from === 'TIME_WAIT') return 'time_wait';
  if (state === 'CLOSING' || (move?.from === 'SYN_SENT' && move.to === 'SYN_RECEIVED')) return 'simultaneous';
  if (seg?.flags.includes('RST') || (e !== undefined && 'app' in e && e.app.call === 'abort')) return 'reset';
  if (TEARDOWN_STATES.includes(state) || (state === 'CLOSED' && move?.from === 'LAST_ACK')) return 'teardown_states';
  return 'handshake_states';
}

/** The skill a question exercises. Pure. */
export function skillOf(item: QuizItem): Skill {
  switch (item.kind) {
    case 'spot_error':
      // What the learner must know to see the planted mistake: the rule it breaks, where that is a skill of its own.
      return skillOfFinding(replayRecords(item.trace)[item.event]?.finding ?? null) ?? 'spot_the_error';
    case 'state_choice': {
      // Both sides are asked: the skill is the less elementary of the two states.
      const skills = (['A', 'B'] as const).map((side) => stateSkill(item.trace, item.question, side));
      return skills.find((s) => s !== 'handshake_states') ?? 'handshake_states';
    }
    case 'state':
      return stateSkill(item.trace, item.question, item.question.side);
    case 'bytes':
      return byteSkill(item.question.ask);
    default:
      return segmentSkill(item.question, askedSegment(item));
  }
}

/** A question about a segment: its flags, or the rule a number one off would break. */
function segmentSkill(q: Question, seg: Segment | null): Skill {
  if (seg?.flags.includes('RST')) return 'reset';
  // The simultaneous-open SYN,ACK has a rule of its own; any other segment of those scenarios does not.
  if (seg?.flags.includes('SYN') && judgeAnswer({ ...q, field: 'flags' }, seg.flags).rule?.code === 'SYNACK_SIMULTANEOUS') return 'simultaneous';
  if (q.field === 'flags') return seg?.flags.includes('SYN') ? 'handshake_flags' : seg?.flags.includes('FIN') ? 'teardown_flags' : 'ack_flag';
  // A whole segment that closes is a teardown question first: its numbers follow the last data or
  // SYN, but what it tests is sending the FIN (a FIN,ACK was filed under "acknowledging a SYN").
  if (q.field === 'segment' && seg?.flags.includes('FIN')) return 'teardown_flags';
  const right = canonicalAnswer(q);
  const probeField = q.field === 'seq' ? 'seq' : 'ack';
  const value = q.field === 'segment' ? (right as SegmentAnswer)[probeField] : (right as number);
  const probe = (value + 1) % 0x1_0000_0000;
  const probed = judgeAnswer(q.field === 'segment' ? { ...q, field: probeField } : q, probe);
  return (probed.finding && BY_CODE[probed.finding.code]) ?? (probeField === 'seq' ? 'seq_after_data' : 'ack_of_data');
}
