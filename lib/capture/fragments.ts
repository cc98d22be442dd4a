// IP fragment reassembly, as tshark does it: the pieces of one datagram (same addresses,
// protocol and identification) are held until every byte from 0 to the end of the last
// fragment is there, and the whole datagram is then read at the packet that completed it.
// Bounded: a datagram is at most 64 KiB and only so many are held at once (oldest dropped), so a
// capture of stray fragments cannot grow memory. Pure.

interface Pending {
  pieces: { offset: number; data: Uint8Array }[];
  /** Known once the last fragment (more-fragments off) has arrived. */
  total: number | null;
}

const MAX_DATAGRAM = 65_535 + 8;
const MAX_PENDING = 1024;

export class Reassembler {
  private pending = new Map<string, Pending>();

  /** Adds one fragment; returns the whole payload when this fragment completes it. */
  add(key: string, offset: number, data: Uint8Array, more: boolean): Uint8Array | null {
    if (offset + data.length > MAX_DATAGRAM) return null;
    let p = this.pending.get(key);
    if (p === undefined) {
      if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
      p = { pieces: [], total: null };
      this.pending.set(key, p);
    }
    // Copied: the frame's bytes belong to the stream buffer, which moves on.
    p.pieces.push({ offset, data: data.slice() });
    if (!more) p.total = offset + data.length;
    if (p.total === null) return null;
    const whole = assemble(p.pieces, p.total);
    if (whole !== null) this.pending.delete(key);
    return whole;
  }

  get size(): number {
    return this.pending.size;
  }
}

function assemble(pieces: Pending['pieces'], total: number): Uint8Array | null {
  const sorted = [...pieces].sort((a, b) => a.offset - b.offset);
  let covered = 0;
  for (const piece of sorted) {
    if (piece.offset > covered) return null;
    covered = Math.max(covered, piece.offset + piece.data.length);
  }
  if (covered < total) return null;
  const out = new Uint8Array(total);
  // Later pieces are written first so the first copy of overlapping bytes wins.
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i] as Pending['pieces'][number];
    out.set(piece.data.subarray(0, Math.max(0, Math.min(piece.data.length, total - piece.offset))), piece.offset);
  }
  return out;
}
