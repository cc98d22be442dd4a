// The capture file formats, read as a stream: bytes go in by chunks of any size, packets
// (frames) come out as soon as they are complete. pcap in both byte orders with micro- or
// nanosecond timestamps; pcapng with sections in either byte order, per-interface link types
// and timestamp resolutions, enhanced, simple and obsolete packet blocks, and every other block
// type skipped. Only the unread tail of the stream is kept (at most one record, copied), so memory
// stays flat however large the file. Pure: no Node or DOM APIs.
import { hex, u16, u32 } from './bytes';
import { CaptureError, reasonText, type CaptureDamage, type CaptureReason } from './errors';

/** One captured packet. `data` is the captured bytes, valid only while onFrame runs. */
export interface Frame {
  /** 1-based, counted over all packet records as Wireshark numbers them. */
  number: number;
  /** Byte offset of the packet's record or block in the file. */
  offset: number;
  linkType: number;
  /** Seconds since the epoch (display only: microsecond precision is all a float keeps). */
  time: number;
  data: Uint8Array;
  /** The packet's length on the wire; the capture may have kept less (`data.length`). */
  origLen: number;
}

export type CaptureFormat = 'pcap' | 'pcapng';

/** Larger than any real packet (Wireshark's own limit is 262144): a bigger one is corruption. */
const MAX_PACKET = 262_144;
/** pcapng blocks other than packets (name tables, statistics) may be larger, but not without bound. */
const MAX_BLOCK = 16 * 1024 * 1024;

/** pcapng block types: section header, interface description, obsolete/simple/enhanced packet. */
const BLOCK = { SHB: 0x0a0d0d0a, IDB: 1, OPB: 2, SPB: 3, EPB: 6 } as const;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

interface Interface {
  linkType: number;
  snapLen: number;
  /** Timestamp units per second. */
  unitsPerSecond: number;
}

type Stage = 'magic' | 'pcap-header' | 'pcap-record' | 'pcapng-block' | 'broken';

export class ContainerReader {
  format: CaptureFormat | null = null;
  frames = 0;
  /** Bytes consumed so far (the offset of the next unread byte). */
  get offset(): number {
    return this.base + this.pos;
  }

  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private base = 0;
  private stage: Stage = 'magic';
  private littleEndian = true;
  private pcapLinkType = 0;
  private pcapUnits = 1e6;
  private interfaces: Interface[] = [];

  constructor(
    private readonly onFrame: (frame: Frame) => void,
    private readonly onDamage: (damage: CaptureDamage) => void,
  ) {}

  /**
   * Reads a chunk. The reader keeps no reference to it once this returns (the caller may reuse
   * the buffer): a record cut by the chunk's end is copied, and only that record. A record cut by
   * the previous chunk's end is finished from this chunk's first bytes, so the chunk itself is
   * read where it lies, never copied whole.
   */
  push(chunk: Uint8Array): void {
    if (this.stage === 'broken' || chunk.length === 0) return;
    let from = 0;
    while (this.pos < this.buf.length && from < chunk.length && !this.isBroken()) {
      const missing = this.recordLength() - (this.buf.length - this.pos);
      if (missing <= 0) break;
      const take = Math.min(missing, chunk.length - from);
      this.append(chunk.subarray(from, from + take));
      from += take;
      this.parse();
    }
    if (this.pos >= this.buf.length && from < chunk.length) {
      this.base += this.buf.length;
      this.buf = chunk.subarray(from);
      this.pos = 0;
      this.parse();
    }
    this.keepTail();
  }

  /** A method, not a field test, because parse() changes the stage behind the compiler's back. */
  private isBroken(): boolean {
    return this.stage === 'broken';
  }

  private append(bytes: Uint8Array): void {
    const rest = this.buf.subarray(this.pos);
    const joined = new Uint8Array(rest.length + bytes.length);
    joined.set(rest);
    joined.set(bytes, rest.length);
    this.base += this.pos;
    this.buf = joined;
    this.pos = 0;
  }

  /** Copies the unread tail (at most one record) out of the caller's chunk. */
  private keepTail(): void {
    this.base += this.pos;
    this.buf = this.stage === 'broken' ? new Uint8Array(0) : this.buf.slice(this.pos);
    this.pos = 0;
  }

  /** The stream is over: anything left unread is a record cut off by the end of the file. */
  end(): void {
    if (this.stage === 'broken') return;
    const left = this.buf.length - this.pos;
    if (this.stage === 'magic') {
      throw new CaptureError(left === 0 ? { code: 'empty' } : { code: 'too-short', bytes: left }, 0);
    }
    if (this.stage === 'pcap-header') {
      throw new CaptureError({ code: 'pcap-header-cut', bytes: left }, 0);
    }
    if (left === 0) return;
    const need = this.recordLength();
    this.fail(this.stage === 'pcap-record' ? { code: 'ends-inside-packet', packet: this.frames + 1, have: left, need } : { code: 'ends-inside-block', offset: this.offset, have: left, need });
  }

  /**
   * How many bytes the record at the read position takes, as far as the bytes there tell: its
   * header's size until the header is all there, and the header's size again when the header is
   * impossible (reading it then reports the damage).
   */
  private recordLength(): number {
    const b = this.buf;
    const p = this.pos;
    const left = b.length - p;
    switch (this.stage) {
      case 'magic':
        return 4;
      case 'pcap-header':
        return 24;
      case 'pcap-record':
        if (left < 16) return 16;
        return this.pcapCapturedLength(b, p) > MAX_PACKET ? 16 : 16 + this.pcapCapturedLength(b, p);
      case 'pcapng-block': {
        if (left < 12) return 12;
        const block = this.blockLength(b, p);
        return 'length' in block ? block.length : 12;
      }
      case 'broken':
        return 0;
    }
  }

  private pcapCapturedLength(b: Uint8Array, p: number): number {
    return u32(b, p + 8, this.littleEndian);
  }

  /**
   * The length of the pcapng block at p (its first 12 bytes are there), or why it has none. A
   * section header says its own byte order, so it sets the reader's first.
   */
  private blockLength(b: Uint8Array, p: number): { length: number } | { problem: CaptureReason } {
    if (u32(b, p, this.littleEndian) === BLOCK.SHB) {
      if (u32(b, p + 8, true) === BYTE_ORDER_MAGIC) this.littleEndian = true;
      else if (u32(b, p + 8, false) === BYTE_ORDER_MAGIC) this.littleEndian = false;
      else return { problem: { code: 'no-byte-order', offset: this.offset, found: hex(b, p + 8, 4) } };
    }
    const length = u32(b, p + 4, this.littleEndian);
    if (length < 12 || length % 4 !== 0 || length > MAX_BLOCK) return { problem: { code: 'block-length', offset: this.offset, length } };
    return { length };
  }

  private fail(reason: CaptureReason): void {
    this.stage = 'broken';
    this.onDamage({ packet: this.frames + 1, offset: this.offset, message: reasonText(reason), reason });
  }

  private parse(): void {
    for (;;) {
      const left = this.buf.length - this.pos;
      switch (this.stage) {
        case 'magic':
          if (left < 4) return;
          this.readMagic();
          break;
        case 'pcap-header':
          if (left < 24) return;
          this.readPcapHeader();
          break;
        case 'pcap-record':
          if (!this.readPcapRecord(left)) return;
          break;
        case 'pcapng-block':
          if (!this.readBlock(left)) return;
          break;
        case 'broken':
          return;
      }
    }
  }

  private readMagic(): void {
    const b = this.buf;
    const p = this.pos;
    const be = u32(b, p, false);
    const le = u32(b, p, true);
    if (be === BLOCK.SHB) {
      this.format = 'pcapng';
      this.stage = 'pcapng-block';
      return;
    }
    for (const [magic, units] of [
      [0xa1b2c3d4, 1e6],
      [0xa1b23c4d, 1e9],
    ] as const) {
      if (be === magic || le === magic) {
        this.format = 'pcap';
        this.littleEndian = le === magic;
        this.pcapUnits = units;
        this.stage = 'pcap-header';
        return;
      }
    }
    throw new CaptureError({ code: 'not-a-capture', start: hex(b, p, 4) }, 0);
  }

  private readPcapHeader(): void {
    const b = this.buf;
    const p = this.pos;
    const major = u16(b, p + 4, this.littleEndian);
    const minor = u16(b, p + 6, this.littleEndian);
    if (major !== 2) throw new CaptureError({ code: 'pcap-version', version: `${major}.${minor}` }, 4);
    // The upper bits of the link-type field say whether frames carry an FCS; the type is below.
    this.pcapLinkType = u32(b, p + 20, this.littleEndian) & 0x0fff_ffff;
    this.pos += 24;
    this.stage = 'pcap-record';
  }

  private readPcapRecord(left: number): boolean {
    if (left < 16) return false;
    const b = this.buf;
    const p = this.pos;
    const caplen = this.pcapCapturedLength(b, p);
    if (caplen > MAX_PACKET) {
      this.fail({ code: 'record-too-large', packet: this.frames + 1, bytes: caplen });
      return false;
    }
    if (left < 16 + caplen) return false;
    const time = u32(b, p, this.littleEndian) + u32(b, p + 4, this.littleEndian) / this.pcapUnits;
    const origLen = u32(b, p + 12, this.littleEndian);
    this.emit(p, this.pcapLinkType, time, b.subarray(p + 16, p + 16 + caplen), Math.max(origLen, caplen));
    this.pos += 16 + caplen;
    return true;
  }

  private readBlock(left: number): boolean {
    if (left < 12) return false;
    const b = this.buf;
    const p = this.pos;
    const type = u32(b, p, this.littleEndian);
    const block = this.blockLength(b, p);
    if ('problem' in block) return this.corrupt(block.problem);
    const { length } = block;
    if (left < length) return false;
    const trailer = u32(b, p + length - 4, this.littleEndian);
    if (trailer !== length) {
      return this.corrupt({ code: 'block-trailer', offset: this.offset, length, trailer });
    }
    const body = b.subarray(p + 8, p + length - 4);
    const ok = this.readBlockBody(type, body, p);
    if (ok) this.pos += length;
    return ok;
  }

  private corrupt(reason: CaptureReason): boolean {
    this.fail(reason);
    return false;
  }

  private readBlockBody(type: number, body: Uint8Array, at: number): boolean {
    const le = this.littleEndian;
    switch (type) {
      case BLOCK.SHB: {
        const major = body.length >= 8 ? u16(body, 4, le) : 0;
        if (major !== 1) return this.corrupt({ code: 'section-version', offset: this.offset, version: major });
        this.interfaces = [];
        return true;
      }
      case BLOCK.IDB: {
        if (body.length < 8) return this.corrupt({ code: 'interface-short', offset: this.offset });
        this.interfaces.push({ linkType: u16(body, 0, le), snapLen: u32(body, 4, le), unitsPerSecond: timestampUnits(body, le) });
        return true;
      }
      case BLOCK.EPB:
      case BLOCK.OPB: {
        if (body.length < 20) return this.corrupt({ code: 'block-short', packet: this.frames + 1 });
        const id = type === BLOCK.EPB ? u32(body, 0, le) : u16(body, 0, le);
        const iface = this.interfaces[id];
        if (iface === undefined) return this.corrupt({ code: 'unknown-interface', packet: this.frames + 1, iface: id });
        const caplen = u32(body, 12, le);
        if (caplen > body.length - 20) return this.corrupt({ code: 'block-overrun', packet: this.frames + 1, claimed: caplen, holds: body.length - 20 });
        const time = u32(body, 4, le) * (0x1_0000_0000 / iface.unitsPerSecond) + u32(body, 8, le) / iface.unitsPerSecond;
        this.emit(at, iface.linkType, time, body.subarray(20, 20 + caplen), Math.max(u32(body, 16, le), caplen));
        return true;
      }
      case BLOCK.SPB: {
        const iface = this.interfaces[0];
        if (iface === undefined) return this.corrupt({ code: 'no-interface', packet: this.frames + 1 });
        if (body.length < 4) return this.corrupt({ code: 'block-short', packet: this.frames + 1 });
        const origLen = u32(body, 0, le);
        const caplen = Math.min(origLen, body.length - 4, iface.snapLen === 0 ? Infinity : iface.snapLen);
        this.emit(at, iface.linkType, 0, body.subarray(4, 4 + caplen), origLen);
        return true;
      }
      default:
        return true;
    }
  }

  private emit(offset: number, linkType: number, time: number, data: Uint8Array, origLen: number): void {
    this.frames++;
    this.onFrame({ number: this.frames, offset: this.base + offset, linkType, time, data, origLen });
  }
}

/** if_tsresol (option 9): 10^-n seconds, or 2^-n when the top bit is set; microseconds by default. */
function timestampUnits(body: Uint8Array, le: boolean): number {
  let o = 8;
  while (o + 4 <= body.length) {
    const code = u16(body, o, le);
    const len = u16(body, o + 2, le);
    if (code === 0) break;
    if (code === 9 && len >= 1 && o + 4 < body.length) {
      const r = body[o + 4] as number;
      return r & 0x80 ? 2 ** (r & 0x7f) : 10 ** r;
    }
    o += 4 + Math.ceil(len / 4) * 4;
  }
  return 1e6;
}
