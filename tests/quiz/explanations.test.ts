// Explanations that name the point (user trial): a duplicate ACK is explained by the gap the
// receiver still has, a retransmission's seq by SND.UNA, the SYN,ACK's ACK flag by A's SYN that
// B must acknowledge (SYN-RECEIVED is not a synchronized state), and the reveal states a rule once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FAMILIES, segmentOf, STATES, type Difficulty } from '@/lib/engine';
import { buildItem, decodeSpec, gradeItem, revealRule, type Response } from '@/lib/quiz';

const levels = fc.constantFrom<Difficulty>('beginner', 'expert');
const seeds = fc.integer({ min: 0, max: 0xffff_ffff });

describe('a duplicate ACK: the receiver repeats RCV.NXT while a gap is open', () => {
  it('a wrong ack, and the right one, say what is missing (out of order and loss, every seed)', () => {
    let seen = 0;
    fc.assert(
      fc.property(fc.constantFrom('lost_data' as const, 'out_of_order' as const), levels, seeds, (family, difficulty, seed) => {
        const item = buildItem({ kind: 'ack', family, seed, difficulty });
        const s = segmentOf(item.trace.events[item.event]);
        if (!s) return;
        for (const lang of ['en', 'zh'] as const) {
          const wrong = gradeItem(item, (s.ack + 37) % 0x1_0000_0000, lang); // not a round number: never the peer's own seq
          if (wrong.finding?.code !== 'ACK_WITH_GAP') return;
          seen++;
          expect(wrong.explain).toContain(lang === 'en' ? `missing` : '缺');
          expect(wrong.explain).toContain(`RCV.NXT = ${s.ack}`);
          expect(wrong.hint).not.toContain(String(s.ack));
          // (expert numbers may land on another misconception's pattern, such as a wrapped 0)
          if (difficulty === 'beginner') expect(wrong.misconception).toBe('acks_out_of_order');
          else expect(wrong.misconception).not.toBeNull();
          expect(gradeItem(item, s.ack, lang).explain).toContain(lang === 'en' ? 'duplicate ACK' : '重复确认');
        }
      }),
      { numRuns: 200 },
    );
    expect(seen).toBeGreaterThan(10);
  });
});

describe('a retransmission reuses SND.UNA', () => {
  it('a wrong seq for the resent segment is explained by SND.UNA, not by where new bytes start', () => {
    let seen = 0;
    for (let seed = 0; seed < 300 && seen < 12; seed++) {
      const item = buildItem({ kind: 'segment', family: 'lost_data', seed, difficulty: 'beginner' }); // round numbers: SND.NXT is the largest end sent
      const s = segmentOf(item.trace.events[item.event]);
      if (!s || s.len === 0) continue;
      const resent = item.trace.events.slice(0, item.event).some((e) => segmentOf(e)?.from === s.from && segmentOf(e)?.seq === s.seq && (segmentOf(e)?.len ?? 0) > 0);
      if (!resent) continue;
      seen++;
      for (const lang of ['en', 'zh'] as const) {
        // new bytes' place (SND.NXT and past it, with the resent length) and a seq half the number space away
        const nxt = item.trace.events.slice(0, item.event).flatMap((e) => {
          const x = segmentOf(e);
          return x && x.from === s.from ? [(x.seq + x.len) % 0x1_0000_0000] : [];
        });
        for (const given of [Math.max(...nxt) + 1, (s.seq + 0x8000_0000) % 0x1_0000_0000]) {
          const wrong = gradeItem(item, { flags: s.flags, seq: given, ack: s.ack, len: s.len }, lang);
          expect(wrong.correct, `seq ${given}`).toBe(false);
          expect(wrong.finding?.code).toBe('SEQ_RETRANSMIT_UNA');
          expect(wrong.explain).toContain(`SND.UNA = ${s.seq}`);
          expect(wrong.misconception).not.toBeNull();
        }
      }
    }
    expect(seen).toBeGreaterThan(5);
  });
});

describe('a retransmitted FIN keeps its seq', () => {
  it('the resent FIN given the next seq is explained by the retransmission rule, not "a direction is closed once" (seq and whole segment, every level)', () => {
    fc.assert(
      fc.property(fc.constantFrom('lost_fin' as const, 'lost_last_ack' as const), fc.constantFrom('seq' as const, 'segment' as const), levels, seeds, (family, kind, difficulty, seed) => {
        const item = buildItem({ kind, family, seed, difficulty });
        const s = segmentOf(item.trace.events[item.event]);
        const resentFin = s?.flags.includes('FIN') && item.trace.events.slice(0, item.event).some((e) => segmentOf(e)?.from === s.from && segmentOf(e)?.flags.includes('FIN'));
        if (!s || !resentFin) return;
        const next = (s.seq + 1) % 0x1_0000_0000;
        for (const lang of ['en', 'zh'] as const) {
          const wrong = gradeItem(item, kind === 'seq' ? next : { flags: s.flags, seq: next, ack: s.ack, len: s.len }, lang);
          expect(wrong.correct).toBe(false);
          expect(wrong.finding?.code).toBe('SEQ_FIN_RETRANSMIT');
          expect(wrong.explain).toContain(String(s.seq));
          expect(wrong.misconception).toBe('retransmission_same_seq');
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the SYN,ACK carries ACK because B must acknowledge A\'s SYN', () => {
  it('never "once synchronized": SYN-RECEIVED is not a synchronized state (en and zh)', () => {
    for (let seed = 0; seed < 40; seed++) {
      const item = buildItem({ kind: 'next_flags', family: 'handshake', seed, difficulty: 'beginner' });
      const s = segmentOf(item.trace.events[item.event]);
      if (!s?.flags.includes('SYN') || !s.flags.includes('ACK')) continue;
      for (const [lang, peerSyn] of [['en', "A's SYN"], ['zh', 'A 的 SYN']] as const) {
        const texts = [gradeItem(item, ['SYN'], lang), gradeItem(item, ['SYN', 'ACK'], lang)].map((g) => g.explain);
        for (const text of texts) {
          expect(text).toContain(peerSyn);
          expect(text).not.toMatch(/synchroni[sz]ed|已同步/);
        }
      }
    }
  });
});

describe('the first wrong try gets a hint, not the answer', () => {
  it('a wrong seq or ack is hinted at by its rule, without the right number (every family, level, en and zh)', () => {
    fc.assert(
      fc.property(fc.constantFrom('seq' as const, 'ack' as const), fc.constantFrom(...SCENARIO_FAMILIES), levels, seeds, fc.constantFrom('en' as const, 'zh' as const), (kind, family, difficulty, seed, lang) => {
        const item = buildItem({ kind, family, seed, difficulty });
        const right = gradeItem(item, 0, lang).canonical as number;
        for (const given of [(right + 1) % 0x1_0000_0000, (right + 0xffff_ffff) % 0x1_0000_0000]) {
          const wrong = gradeItem(item, given, lang);
          if (wrong.correct) continue;
          expect(wrong.hint, wrong.explain).toBeTruthy();
          expect(wrong.hint).not.toContain(String(right));
          expect(wrong.explain).toContain(String(right)); // the reveal gives it
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the reveal says each rule once', () => {
  it('a wrong state or pair of states: the rule, if any, is about the side in error and does not repeat its reason (every family, level, en and zh)', () => {
    fc.assert(
      fc.property(fc.constantFrom('state' as const, 'state_choice' as const), fc.constantFrom(...SCENARIO_FAMILIES), levels, seeds, fc.constantFrom('en' as const, 'zh' as const), (kind, family, difficulty, seed, lang) => {
        let item: ReturnType<typeof buildItem>;
        try {
          item = buildItem({ kind, family, seed, difficulty });
        } catch {
          return;
        }
        const answers: Response[] = item.kind === 'state_choice' ? item.options.map((_, option) => ({ option })) : [...STATES];
        for (const answer of answers) {
          const wrong = gradeItem(item, answer, lang);
          if (wrong.correct || wrong.finding?.code !== 'STATE_MISMATCH') continue;
          const rule = revealRule(item, wrong, lang);
          if (rule === null) continue;
          expect(rule.startsWith(wrong.finding.params.side), `${rule} / ${wrong.explain}`).toBe(true);
          const reason = rule.slice(Math.max(rule.indexOf(':'), rule.indexOf('：')) + 1).trim().toLowerCase();
          expect(wrong.explain.toLowerCase()).not.toContain(reason);
        }
        // the aside about both sides waiting belongs to a simultaneous close only
        if (family !== 'simultaneous_close') for (const answer of answers) expect(gradeItem(item, answer, lang).explain).not.toMatch(/simultaneous close|同时关闭/);
      }),
      { numRuns: 150 },
    );
  });

  it('a wrong ack of a SYN is explained by the rule itself: no second "The rule" line', () => {
    const item = buildItem(decodeSpec('ack.handshake.42.b')!);
    for (const lang of ['en', 'zh'] as const) expect(revealRule(item, gradeItem(item, 1, lang), lang)).toBeNull();
  });

  it('a wrong state shares the right state\'s reason: no second line; a wrong RST gets the rule of the right answer after why no RST', () => {
    fc.assert(
      fc.property(fc.constantFrom('handshake' as const, 'client_closes_first' as const, 'server_closes_first' as const), seeds, (family, seed) => {
        const item = buildItem({ kind: 'state', family, seed, difficulty: 'beginner' });
        const right = gradeItem(item, 'CLOSED', 'en').canonical;
        const wrong = gradeItem(item, right === 'CLOSED' ? 'LISTEN' : 'CLOSED', 'en');
        const rule = revealRule(item, wrong, 'en');
        if (rule !== null) expect(wrong.explain).not.toContain(rule.slice(rule.indexOf(':') + 1).trim());
      }),
      { numRuns: 60 },
    );
    const rst = buildItem(decodeSpec('next_flags.handshake.3.b')!);
    const wrong = gradeItem(rst, ['RST'], 'en');
    expect(wrong.explain).toMatch(/RST/);
    expect(revealRule(rst, wrong, 'en')).toMatch(/ACK flag/);
  });
});

describe('grading is not fooled by extra keys', () => {
  it('a segment answer that also names a sender grades as the same answer without it', () => {
    const item = buildItem(decodeSpec('segment.handshake.7.b')!);
    const right = gradeItem(item, { flags: [], seq: 0, ack: 0, len: 0 }, 'en').canonical as { flags: string[]; seq: number; ack: number; len: number };
    const forged = { ...right, from: item.trace.events.length % 2 ? 'A' : 'B' };
    expect(gradeItem(item, forged as never, 'en').correct).toBe(true);
    expect(gradeItem(item, { ...forged, from: undefined } as never, 'en').correct).toBe(true);
  });
});
