// A number of the asked segment that the rules leave free: a SYN's seq, the sender's own ISN, is
// right whatever it is. Shown or exported as "any ISN", never as the one number the scenario drew.
import { judgeAnswer, type Question, type SegmentAnswer } from '../engine/index';

/** True when the engine takes the answer with this field changed too (probed with the next value). Pure. */
export function freeField(question: Question, answer: SegmentAnswer, field: 'seq' | 'ack'): boolean {
  return judgeAnswer(question, { ...answer, [field]: (answer[field] + 1) % 0x1_0000_0000 }).correct;
}
