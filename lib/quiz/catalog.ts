// What practice offers: question kinds, topics, and which scenario families each topic draws
// from at each difficulty. Pure data.
import type { Difficulty, ScenarioFamily } from '../engine/index';

export const QUESTION_KINDS = ['next_flags', 'seq', 'ack', 'len', 'state', 'segment', 'spot_error', 'multiple_choice', 'state_choice', 'bytes'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const TOPICS = ['handshake', 'data', 'teardown', 'states', 'edge_cases'] as const;
export type Topic = (typeof TOPICS)[number];

export const DIFFICULTIES: readonly Difficulty[] = ['beginner', 'expert'];

/**
 * Beginners meet the standard flows with round ISNs (and loss and reordering of data, which exams
 * ask with round numbers); experts add wrap, lost handshake segments, RST, simultaneity, figure 8.
 */
export const TOPIC_FAMILIES: Record<Topic, Record<Difficulty, readonly ScenarioFamily[]>> = {
  handshake: {
    beginner: ['handshake'],
    expert: ['handshake', 'lost_syn', 'lost_synack', 'simultaneous_open', 'refused', 'old_duplicate_syn'],
  },
  data: {
    beginner: ['data_transfer', 'lost_data', 'out_of_order', 'half_close'],
    expert: ['data_transfer', 'lost_data', 'out_of_order', 'half_close', 'simultaneous_open'],
  },
  teardown: {
    beginner: ['client_closes_first', 'server_closes_first', 'data_transfer', 'half_close'],
    expert: ['client_closes_first', 'server_closes_first', 'half_close', 'lost_fin', 'lost_last_ack', 'simultaneous_close'],
  },
  states: {
    beginner: ['handshake', 'client_closes_first', 'server_closes_first', 'half_close'],
    expert: ['simultaneous_open', 'simultaneous_close', 'lost_last_ack', 'time_wait_expiry', 'abort', 'half_close'],
  },
  edge_cases: {
    beginner: ['refused', 'abort', 'lost_syn', 'half_close', 'lost_data', 'out_of_order'],
    expert: [
      'simultaneous_open', 'simultaneous_close', 'lost_synack', 'lost_fin', 'lost_last_ack', 'abort', 'refused', 'time_wait_expiry',
      'lost_data', 'out_of_order', 'old_duplicate_syn',
    ],
  },
};

export const TOPIC_KINDS: Record<Topic, readonly QuestionKind[]> = {
  handshake: ['next_flags', 'seq', 'ack', 'segment', 'multiple_choice', 'spot_error', 'state'],
  data: ['bytes', 'bytes', 'seq', 'ack', 'segment', 'multiple_choice', 'spot_error'],
  teardown: ['next_flags', 'seq', 'ack', 'segment', 'multiple_choice', 'spot_error', 'state', 'state_choice', 'bytes'],
  states: ['state', 'state_choice'],
  edge_cases: ['next_flags', 'seq', 'ack', 'state', 'multiple_choice', 'spot_error', 'state_choice', 'bytes'],
};
