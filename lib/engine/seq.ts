// Sequence-number arithmetic modulo 2^32, as RFC 9293 section 3.4 defines it.
// Sequence numbers are a branded type so that a raw `<` on one does not type-check:
// comparisons must go through seqLt/seqLe, which work across the wrap. All functions are pure.

declare const seqBrand: unique symbol;
export type Seq = number & { readonly [seqBrand]: true };

const MOD = 0x1_0000_0000;
const HALF = 0x8000_0000;

/** Reduces any integer to a sequence number in [0, 2^32). */
export function seq(n: number): Seq {
  return (((n % MOD) + MOD) % MOD) as Seq;
}

export function seqAdd(a: Seq, n: number): Seq {
  return seq(a + n);
}

/** The signed distance b - a, in (-2^31, 2^31]: positive when b is after a. */
export function seqDiff(a: Seq, b: Seq): number {
  const d = (b - a + MOD) % MOD;
  return d > HALF ? d - MOD : d;
}

export function seqLt(a: Seq, b: Seq): boolean {
  return seqDiff(a, b) > 0;
}

export function seqLe(a: Seq, b: Seq): boolean {
  return seqDiff(a, b) >= 0;
}

export function seqGt(a: Seq, b: Seq): boolean {
  return seqLt(b, a);
}

export function seqGe(a: Seq, b: Seq): boolean {
  return seqLe(b, a);
}

/** Whether x lies in [lo, hi) in sequence space. Empty when lo = hi. */
export function seqInRange(x: Seq, lo: Seq, hi: Seq): boolean {
  const span = (hi - lo + MOD) % MOD;
  return (x - lo + MOD) % MOD < span;
}

/**
 * SEG.LEN in RFC 9293's sense: the octets of data plus one for a SYN and one for a FIN,
 * because each of those occupies a sequence number of its own.
 */
export function segmentSpan(flags: { syn: boolean; fin: boolean }, len: number): number {
  return len + (flags.syn ? 1 : 0) + (flags.fin ? 1 : 0);
}
