// The grading errors an exam student reproduced with share-link specs (issue "Grading you can
// trust", errors 2, 4 and 6; error 1 is tests/cli/cli.test.ts, 3 spot-error.test.ts, 5
// explanations.test.ts), kept fixed on the specs themselves.
import { describe, expect, it } from 'vitest';
import { segmentOf } from '@/lib/engine';
import { buildItem, decodeSpec, gradeItem, makePracticeSet } from '@/lib/quiz';

const item = (spec: string) => buildItem(decodeSpec(spec)!);

describe('grading errors reproduced from share links', () => {
  it('2: the segment carrying the next new bytes takes SND.NXT only, not a retransmission offset', () => {
    const q = item('seq.data_transfer.1.b');
    expect(gradeItem(q, 7001, 'en')).toMatchObject({ correct: true });
    for (const resend of [6001, 6501, 6900]) expect(gradeItem(q, resend, 'en').correct, String(resend)).toBe(false);
  });

  it('4: an aborting RST may carry ACK, with ack = RCV.NXT, and a wrong ack is explained with RCV.NXT', () => {
    const q = item('next_flags.abort.3.b');
    expect(gradeItem(q, ['RST', 'ACK'], 'en').correct).toBe(true);
    expect(gradeItem(q, ['RST'], 'en').correct).toBe(true);
    const whole = item('segment.abort.3.b');
    const asked = segmentOf(whole.trace.events[whole.event])!;
    const peerSyn = whole.trace.events.map(segmentOf).find((s) => s?.from !== asked.from && s?.flags.includes('SYN'))!;
    const rcvNxt = whole.trace.events.slice(0, whole.event).map(segmentOf).filter((s) => s?.from === peerSyn.from).reduce((n, s) => Math.max(n, s!.seq + s!.len + (s!.flags.includes('SYN') || s!.flags.includes('FIN') ? 1 : 0)), 0);
    expect(asked.flags).toContain('RST');
    expect(gradeItem(whole, { flags: ['RST', 'ACK'], seq: asked.seq, ack: rcvNxt, len: 0 }, 'en').correct).toBe(true);
    const wrong = gradeItem(whole, { flags: ['RST', 'ACK'], seq: asked.seq, ack: rcvNxt - peerSyn.seq, len: 0 }, 'en');
    expect(wrong.correct).toBe(false);
    expect(wrong.explain).toContain(`= ${rcvNxt}`); // RCV.NXT, whatever was last received
  });

  it('6: practice asks about the SYN,ACK, the most common exam item (its flags and ack; its seq is free)', () => {
    const asked = makePracticeSet({ topics: ['handshake'], difficulty: 'beginner', count: 40 }, 9).map(buildItem).filter((i) => i.kind !== 'state' && i.kind !== 'state_choice' && i.kind !== 'spot_error');
    const synAcks = asked.filter((i) => {
      const s = segmentOf(i.trace.events[i.event]);
      return s?.flags.includes('SYN') && s.flags.includes('ACK');
    });
    expect(synAcks.length).toBeGreaterThan(0);
    expect(synAcks.some((i) => i.kind === 'seq')).toBe(false);
  });
});
