// Where each skill is taught: a lesson and the id of its section in the English lesson. The
// Chinese lesson has the same sections in the same order, so pages find its id by position
// (tests/revision checks that every section exists and that both languages line up). Pure data.
import type { Skill } from '../quiz/index';

export interface LessonSection {
  slug: string;
  section: string;
}

export const SKILL_SECTIONS: Record<Skill, LessonSection> = {
  ack_of_syn: { slug: 'three-way-handshake', section: 'second-segment-synack' },
  ack_of_data: { slug: 'data-transfer', section: 'the-rule-ack--seq--len' },
  ack_of_fin: { slug: 'four-way-teardown', section: 'second-segment-the-ack-of-that-fin' },
  seq_after_syn: { slug: 'tcp-header', section: 'why-syn-and-fin-consume-a-number' },
  seq_after_data: { slug: 'data-transfer', section: 'the-rule-ack--seq--len' },
  seq_after_fin: { slug: 'tcp-header', section: 'why-syn-and-fin-consume-a-number' },
  handshake_flags: { slug: 'three-way-handshake', section: 'step-by-step' },
  teardown_flags: { slug: 'four-way-teardown', section: 'step-by-step' },
  ack_flag: { slug: 'tcp-header', section: 'the-ack-flag-versus-the-ack-number' },
  handshake_states: { slug: 'state-machine', section: 'the-11-states' },
  teardown_states: { slug: 'four-way-teardown', section: 'close_wait-versus-last_ack' },
  time_wait: { slug: 'four-way-teardown', section: 'time_wait-and-2msl' },
  simultaneous: { slug: 'edge-cases', section: 'simultaneous-open' },
  retransmission: { slug: 'edge-cases', section: 'lost-segments-and-retransmission' },
  reset: { slug: 'edge-cases', section: 'rst-refused-and-aborted-connections' },
  spot_the_error: { slug: 'state-machine', section: 'every-transition-of-figure-5' },
};
