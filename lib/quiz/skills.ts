// The skills mastery is tracked by. A question's skill is found by asking the engine what rule
// a wrong answer to it would break, so skills follow the protocol, not the question's wording.
import { canonicalAnswer, gradeAnswer, type FindingCode, type Question, type Segment, type SegmentAnswer, type TcpState } from '../engine/index';
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
  ACK_OF_FIN: 'ack_of_fin',
  SEQ_AFTER_SYN: 'seq_after_syn',
  SEQ_AFTER_DATA: 'seq_after_data',
  SEQ_AFTER_FIN: 'seq_after_fin',
  SEQ_SYN_RETRANSMIT: 'retransmission',
  SEQ_FIN_RETRANSMIT: 'retransmission',
  ACK_ZERO_WITHOUT_FLAG: 'ack_flag',
};

function stateSkill(state: TcpState, family: string): Skill {
  if (family.startsWith('simultaneous')) return 'simultaneous';
  if (state === 'TIME_WAIT') return 'time_wait';
  if (state === 'CLOSING') return 'simultaneous';
  if (family === 'abort' || family === 'refused') return 'reset';
  if (['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'LAST_ACK'].includes(state)) return 'teardown_states';
  if (state === 'CLOSED' && family !== 'handshake') return 'teardown_states';
  return 'handshake_states';
}

/** The skill a question exercises. Pure. */
export function skillOf(item: QuizItem): Skill {
  switch (item.kind) {
    case 'spot_error':
      return 'spot_the_error';
    case 'state_choice': {
      // Both sides are asked: the skill is the less elementary of the two states.
      const skills = (['A', 'B'] as const).map((side) => stateSkill(canonicalAnswer({ ...item.question, side }) as TcpState, item.family));
      return skills.find((s) => s !== 'handshake_states') ?? 'handshake_states';
    }
    case 'state':
      return stateSkill(canonicalAnswer(item.question) as TcpState, item.family);
    default:
      return segmentSkill(item.question, askedSegment(item), item.family);
  }
}

/** A question about a segment: its flags, or the rule a number one off would break. */
function segmentSkill(q: Question, seg: Segment | null, family: string): Skill {
  if (seg?.flags.includes('RST')) return 'reset';
  if (family.startsWith('simultaneous')) return 'simultaneous';
  if (q.field === 'flags') return seg?.flags.includes('SYN') ? 'handshake_flags' : seg?.flags.includes('FIN') ? 'teardown_flags' : 'ack_flag';
  const right = canonicalAnswer(q);
  const probeField = q.field === 'seq' ? 'seq' : 'ack';
  const value = q.field === 'segment' ? (right as SegmentAnswer)[probeField] : (right as number);
  const probe = (value + 1) % 0x1_0000_0000;
  const probed = gradeAnswer(q.field === 'segment' ? { ...q, field: probeField } : q, probe, 'en');
  return (probed.finding && BY_CODE[probed.finding.code]) ?? (probeField === 'seq' ? 'seq_after_data' : 'ack_of_data');
}
