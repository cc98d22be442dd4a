import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildQuestion, buildTrackItem, countsBytes, decodeTrackSpec, encodeTrackSpec, gradeQuestion, gradeTrackItem, makeExam, TRACK_STYLES, type TrackSpec } from '@/lib/revision';

const spec = fc.record({
  style: fc.constantFrom(...TRACK_STYLES),
  seed: fc.integer({ min: 0, max: 0xffff_ffff }),
  difficulty: fc.constantFrom('beginner' as const, 'expert' as const),
});

describe('exam track', () => {
  it('every generated question has distinct options of which the engine accepts exactly one', () => {
    fc.assert(
      fc.property(spec, (s: TrackSpec) => {
        const item = buildTrackItem(s);
        expect(item.options.length).toBeGreaterThanOrEqual(2);
        expect(new Set(item.options.map((o) => JSON.stringify(o))).size).toBe(item.options.length);
        const grades = item.options.map((_, i) => gradeTrackItem(s, i, 'en'));
        expect(grades.filter((g) => g.correct)).toHaveLength(1);
        const right = grades.findIndex((g) => g.correct);
        for (const g of grades) expect(g.right).toBe(right);
        expect(buildTrackItem(s)).toEqual(item); // deterministic
      }),
      { numRuns: 80 },
    );
  });

  it('cumulative ACK: the right number is the last byte received plus one', () => {
    const s: TrackSpec = { style: 'cumulative_ack', seed: 4, difficulty: 'beginner' };
    const item = buildTrackItem(s);
    const last = item.segments.at(-1)!;
    const right = item.options.findIndex((o) => 'number' in o && o.number === last.seq + last.len);
    expect(right).toBeGreaterThanOrEqual(0);
    const g = gradeTrackItem(s, right, 'zh');
    expect(g.correct).toBe(true);
    expect(g.explain).toMatch(/ack/);
  });

  it('bytes sent: ack − ISN − 1, since the SYN takes one number', () => {
    const s: TrackSpec = { style: 'bytes_sent', seed: 21, difficulty: 'expert' };
    const item = buildTrackItem(s);
    const isn = item.params.isn as number;
    const ack = item.params.ack as number;
    const bytes = (ack - isn - 1 + 2 ** 32) % 2 ** 32;
    const i = item.options.findIndex((o) => 'number' in o && o.number === bytes);
    expect(gradeTrackItem(s, i, 'en').correct).toBe(true);
    const offByOne = item.options.findIndex((o) => 'number' in o && o.number === bytes + 1);
    if (offByOne >= 0) expect(gradeTrackItem(s, offByOne, 'en').misconception).not.toBeNull();
  });

  it('bytes between SYN and FIN: FIN seq − SYN seq − 1, since each takes one number and carries no data; a SYN or FIN counted as data is named so', () => {
    for (let seed = 0; seed < 20; seed++) {
      const s: TrackSpec = { style: 'bytes_span', seed, difficulty: seed % 2 ? 'expert' : 'beginner' };
      const item = buildTrackItem(s);
      const [from, to] = [item.params.from as number, item.params.to as number];
      const bytes = (to - from - 1 + 2 ** 32) % 2 ** 32;
      expect(bytes).toBeGreaterThan(0);
      const right = item.options.findIndex((o) => 'number' in o && o.number === bytes);
      const g = gradeTrackItem(s, right, 'zh');
      expect(g.correct).toBe(true);
      expect(g.explain).toContain(`= ${bytes} 字节`);
      const counted = item.options.findIndex((o) => 'number' in o && o.number === bytes + 1);
      if (counted >= 0) expect(gradeTrackItem(s, counted, 'en')).toMatchObject({ correct: false, misconception: 'syn_fin_consume_one' });
      expect(['A', 'B']).toContain(item.params.side);
    }
  });

  it('bytes to resend after a loss: only the gap, first held byte − the repeated ack; resending everything since is named so', () => {
    let everything = 0;
    for (let seed = 0; seed < 20; seed++) {
      const s: TrackSpec = { style: 'bytes_resent', seed, difficulty: seed % 2 ? 'expert' : 'beginner' };
      const item = buildTrackItem(s);
      const gap = ((item.params.to as number) - (item.params.from as number) + 2 ** 32) % 2 ** 32;
      const right = item.options.findIndex((o) => 'number' in o && o.number === gap);
      expect(gradeTrackItem(s, right, 'en')).toMatchObject({ correct: true, misconception: null });
      expect(gradeTrackItem(s, right, 'en').explain).toContain(`= ${gap} bytes`);
      for (const [i, o] of item.options.entries()) {
        if ('number' in o && o.number > gap + 1) {
          everything++;
          expect(gradeTrackItem(s, i, 'en')).toMatchObject({ correct: false, misconception: 'retransmit_only_the_gap' });
        }
      }
    }
    expect(everything).toBe(20);
  });

  it('a mock exam on the exam track asks every style, the byte counts among them', () => {
    const exam = makeExam({ count: TRACK_STYLES.length, minutes: 10, topics: ['exam_track'], difficulty: 'beginner' }, 3, 0);
    expect(new Set(exam.refs.map((r) => decodeTrackSpec(r)?.style))).toEqual(new Set(TRACK_STYLES));
    expect(TRACK_STYLES.filter(countsBytes)).toEqual(['bytes_sent', 'bytes_span', 'bytes_resent']);
  });

  it('TIME_WAIT: the side that closes first waits 2MSL', () => {
    for (let seed = 0; seed < 10; seed++) {
      const s: TrackSpec = { style: 'time_wait', seed, difficulty: 'beginner' };
      const item = buildTrackItem(s);
      const g = gradeTrackItem(s, 0, 'en');
      const right = item.options[g.right]!;
      expect(right).toEqual({ waits: item.params.closer, seconds: 2 * (item.params.msl as number) });
    }
  });

  it('handshake segments (408 style): the right option acks the peer SYN + 1 with the ACK bit, and B may choose any ISN', () => {
    for (let seed = 0; seed < 40; seed++) {
      const s: TrackSpec = { style: 'handshake_segment', seed, difficulty: seed % 2 ? 'expert' : 'beginner' };
      const item = buildTrackItem(s);
      const right = item.options[gradeTrackItem(s, 0, 'en').right] as { segment: { flags: string[]; seq: number; ack: number } };
      const isn = item.params.isn as number;
      if (item.params.step === 'second') {
        expect([...right.segment.flags].sort()).toEqual(['ACK', 'SYN']);
        expect(right.segment.ack).toBe((isn + 1) % 2 ** 32);
      } else {
        expect(right.segment.flags).toEqual(['ACK']);
        expect(right.segment).toMatchObject({ seq: (isn + 1) % 2 ** 32, ack: ((item.params.peerIsn as number) + 1) % 2 ** 32 });
      }
      // Every wrong option is wrong for a reason the learner can be told.
      item.options.forEach((_, i) => {
        const g = gradeTrackItem(s, i, 'zh');
        if (!g.correct) expect(g.explain.length).toBeGreaterThan(0);
      });
    }
  });

  it('a lost segment: B repeats ack = the first missing byte, A resends the segment that starts there, and one cumulative ACK follows', () => {
    const steps = new Set<unknown>();
    for (let seed = 0; seed < 60; seed++) {
      const s: TrackSpec = { style: 'lost_segment', seed, difficulty: seed % 2 ? 'expert' : 'beginner' };
      const item = buildTrackItem(s);
      const grades = item.options.map((_, i) => gradeTrackItem(s, i, 'en'));
      const right = item.options[grades[0]!.right] as { number: number };
      const last = item.segments.at(-1)!;
      const step = item.params.step;
      steps.add(step);
      if (step === 'retransmit') {
        // Not told which segment is lost: the duplicate ACKs' number names it, and it is one of the segments sent.
        expect(item.params.lost).toBeUndefined();
        expect(right.number).toBe(item.params.dupAck);
        expect(item.segments.some((d) => d.seq === right.number)).toBe(true);
      } else {
        const lost = item.segments[(item.params.lost as number) - 1]!;
        expect(right.number).toBe(step === 'dup_ack' ? lost.seq : (last.seq + last.len) % 2 ** 32);
      }
      for (const [i, g] of grades.entries()) {
        expect(g.note).toMatchObject({ key: 'loss', step });
        if (i === grades[0]!.right) continue;
        expect(g.correct).toBe(false);
        if (step !== 'retransmit') expect(g.explain.length).toBeGreaterThan(0);
        expect(g.misconception).not.toBeNull();
      }
    }
    expect([...steps].sort()).toEqual(['after', 'dup_ack', 'retransmit']);
  });

  it('a retransmission of a segment other than the lost one is wrong, though legal on its own: B could not then acknowledge everything', () => {
    for (let seed = 0; seed < 200; seed++) {
      const s: TrackSpec = { style: 'lost_segment', seed, difficulty: 'beginner' };
      const item = buildTrackItem(s);
      if (item.params.step !== 'retransmit') continue;
      const other = item.options.findIndex((o) => 'number' in o && o.number !== item.params.dupAck && item.segments.some((d) => d.seq === o.number));
      if (other < 0) continue;
      const g = gradeTrackItem(s, other, 'zh');
      expect(g.correct).toBe(false);
      // Legal on its own, so the engine has no rule against it to word: the loss note says why.
      expect(g.explain).toBe('');
      expect(g.note).toEqual({ key: 'loss', step: 'retransmit', from: item.params.dupAck, to: expect.any(Number) });
      return;
    }
    throw new Error('no retransmit question offered another segment of the burst');
  });

  it('states after each wave are asked for both closers and every wave', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 80; seed++) {
      const item = buildTrackItem({ style: 'wave_states', seed, difficulty: 'beginner' });
      seen.add(`${item.params.closer}${item.params.wave}`);
    }
    expect([...seen].sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4']);
  });

  it('specs travel as text; anything else is not one', () => {
    const s: TrackSpec = { style: 'wave_states', seed: 4294967295, difficulty: 'expert' };
    expect(decodeTrackSpec(encodeTrackSpec(s))).toEqual(s);
    for (const bad of ['', 'track', 'track.nope.1.b', 'track.time_wait.-1.b', 'track.time_wait.4294967296.b', 'track.time_wait.1.x', 'track.time_wait.1.b.extra']) {
      expect(decodeTrackSpec(bad)).toBeNull();
      expect(buildQuestion(bad)).toBeNull();
    }
  });

  it('a response that is not an option index is a ResponseError', () => {
    const q = buildQuestion('track.time_wait.1.b')!;
    expect(() => gradeQuestion(q, { option: 7 }, 'en')).toThrow(/no option/);
    expect(() => gradeQuestion(q, 'A', 'en')).toThrow(/option/);
  });
});
