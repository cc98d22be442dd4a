import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seq, seqAdd, seqDiff, seqGt, seqInRange, seqLe, seqLt, segmentSpan } from '@/lib/engine';

const u32 = fc.integer({ min: 0, max: 0xffff_ffff }).map(seq);

describe('sequence arithmetic (RFC 9293 3.4)', () => {
  it('adds modulo 2^32', () => {
    expect(seqAdd(seq(0xffff_ffff), 1)).toBe(0);
    expect(seqAdd(seq(0xffff_fff0), 0x20)).toBe(0x10);
    expect(seqAdd(seq(5), -10)).toBe(0xffff_fffb);
  });

  it('compares across the wrap', () => {
    expect(seqLt(seq(0xffff_fff0), seq(0x10))).toBe(true);
    expect(seqGt(seq(0x10), seq(0xffff_fff0))).toBe(true);
    expect(seqLt(seq(0x10), seq(0xffff_fff0))).toBe(false);
    expect(seqDiff(seq(0xffff_ffff), seq(0))).toBe(1);
  });

  it('a is before a + n for every n in (0, 2^31)', () => {
    fc.assert(fc.property(u32, fc.integer({ min: 1, max: 0x7fff_ffff }), (a, n) => seqLt(a, seqAdd(a, n)) && !seqLt(seqAdd(a, n), a)));
  });

  it('seqDiff inverts seqAdd', () => {
    fc.assert(fc.property(u32, fc.integer({ min: -0x7fff_ffff, max: 0x7fff_ffff }), (a, n) => seqDiff(a, seqAdd(a, n)) === n));
  });

  it('seqLe is reflexive and antisymmetric except at half the space', () => {
    fc.assert(fc.property(u32, u32, (a, b) => seqLe(a, a) && (a === b || seqLe(a, b) !== seqLe(b, a) || seqDiff(a, b) === 0x8000_0000)));
  });

  it('range membership works across the wrap and is empty when lo = hi', () => {
    expect(seqInRange(seq(2), seq(0xffff_fffe), seq(5))).toBe(true);
    expect(seqInRange(seq(5), seq(0xffff_fffe), seq(5))).toBe(false);
    expect(seqInRange(seq(7), seq(7), seq(7))).toBe(false);
    fc.assert(fc.property(u32, fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (lo, span, k) => seqInRange(seqAdd(lo, k % span), lo, seqAdd(lo, span))));
  });

  it('a SYN and a FIN each occupy one sequence number, data its length', () => {
    expect(segmentSpan({ syn: true, fin: false }, 0)).toBe(1);
    expect(segmentSpan({ syn: false, fin: true }, 10)).toBe(11);
    expect(segmentSpan({ syn: false, fin: false }, 0)).toBe(0);
  });
});
