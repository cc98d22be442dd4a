// Where each misconception can be drilled: the topics whose scenarios provoke it and the question
// kinds that catch it. A follow-up assignment on a misconception draws from these.
import type { Misconception, QuestionKind, Topic } from '../quiz/index';

type Focus = { topics: Topic[]; kinds: QuestionKind[] };

const NUMBERS: QuestionKind[] = ['seq', 'ack', 'segment', 'multiple_choice'];
const STATES: QuestionKind[] = ['state', 'state_choice'];

export const FOCUS: Record<Misconception, Focus> = {
  syn_fin_consume_one: { topics: ['handshake', 'teardown'], kinds: NUMBERS },
  ack_is_next_byte: { topics: ['teardown'], kinds: ['ack', 'seq', 'segment'] },
  seq_counts_bytes: { topics: ['teardown', 'edge_cases'], kinds: ['seq', 'segment', 'multiple_choice'] },
  ack_flag_vs_number: { topics: ['handshake', 'teardown'], kinds: ['next_flags', 'segment', 'multiple_choice'] },
  relative_vs_absolute: { topics: ['handshake', 'teardown'], kinds: NUMBERS },
  own_vs_peer_numbers: { topics: ['handshake', 'teardown'], kinds: NUMBERS },
  server_sends_own_syn: { topics: ['handshake'], kinds: ['next_flags', 'segment', 'multiple_choice'] },
  who_enters_time_wait: { topics: ['teardown', 'states'], kinds: STATES },
  time_wait_lasts_2msl: { topics: ['teardown', 'states'], kinds: STATES },
  close_wait_vs_last_ack: { topics: ['teardown', 'states'], kinds: STATES },
  fin_wait_1_vs_2: { topics: ['teardown', 'states'], kinds: STATES },
  simultaneous_states: { topics: ['states', 'edge_cases'], kinds: STATES },
  closing_only_crossed_fins: { topics: ['teardown', 'states'], kinds: STATES },
  handshake_states: { topics: ['handshake', 'states'], kinds: STATES },
  fin_closes_one_direction: { topics: ['teardown'], kinds: ['next_flags', 'multiple_choice', 'spot_error'] },
  syn_only_in_handshake: { topics: ['handshake', 'edge_cases'], kinds: ['next_flags', 'spot_error', 'multiple_choice'] },
  retransmission_same_seq: { topics: ['edge_cases'], kinds: ['seq', 'next_flags', 'spot_error'] },
  retransmit_only_the_gap: { topics: ['data', 'edge_cases'], kinds: ['bytes'] },
  acks_out_of_order: { topics: ['data', 'edge_cases'], kinds: ['ack', 'segment', 'multiple_choice'] },
  reset_rules: { topics: ['edge_cases'], kinds: ['next_flags', 'spot_error', 'state'] },
  data_when_allowed: { topics: ['teardown', 'edge_cases'], kinds: ['next_flags', 'spot_error', 'len'] },
  state_transitions: { topics: ['states'], kinds: STATES },
};
