// The capture reader: bytes in (chunks of any size, from a file stream, a browser File or a
// worker message), traces out, one per TCP connection in order of first packet. Damage after
// some packets stops the reading and is reported beside what was read; a file that yields no
// packet at all is a CaptureError. Pure: no Node or DOM APIs, so the CLI, the page's Web Worker
// and the tests run the same code.
import { ContainerReader, type CaptureFormat, type Frame } from './container';
import { PacketDecoder, type SkipReason } from './decode';
import { CaptureError, reasonText, type CaptureDamage, type CaptureReason } from './errors';
import { ConnectionTracker } from './connections';
import { LINK_TYPE_NAMES } from './link';
import { connectionTrace, type CaptureTrace } from './trace';

/** The link types the reader knows, for the message about one it does not. */
const SUPPORTED = [...new Set(Object.values(LINK_TYPE_NAMES))].join(', ');

export interface CaptureStats {
  packets: number;
  tcp: number;
  /** Packets that carry no TCP segment of their own, by why. */
  skipped: Partial<Record<SkipReason, number>>;
}

export interface CaptureResult {
  format: CaptureFormat;
  traces: CaptureTrace[];
  errors: CaptureDamage[];
  stats: CaptureStats;
}

export interface ReaderOptions {
  /** Each trace as soon as its connection is over; when given, traces are not also collected. */
  onTrace?: (trace: CaptureTrace) => void;
}

export class CaptureReader {
  private readonly container: ContainerReader;
  private readonly decoder = new PacketDecoder();
  private readonly tracker: ConnectionTracker;
  private readonly traces: CaptureTrace[] = [];
  private readonly errors: CaptureDamage[] = [];
  private readonly stats: CaptureStats = { packets: 0, tcp: 0, skipped: {} };
  private readonly unsupported = new Set<number>();
  private start: number | null = null;
  private decodedAny = false;

  constructor(options: ReaderOptions = {}) {
    const emit = options.onTrace ?? ((t: CaptureTrace) => this.traces.push(t));
    this.tracker = new ConnectionTracker((conn) => emit(connectionTrace(conn, this.start ?? 0)));
    this.container = new ContainerReader(
      (frame) => this.frame(frame),
      (damage) => {
        if (this.container.frames === 0) throw new CaptureError(damage.reason, damage.offset);
        this.errors.push(damage);
      },
    );
  }

  /** Bytes read so far, for a progress bar. */
  get bytesRead(): number {
    return this.container.offset;
  }

  push(chunk: Uint8Array): void {
    this.container.push(chunk);
  }

  end(): CaptureResult {
    this.container.end();
    if (!this.decodedAny && this.unsupported.size > 0) {
      const first = this.errors.find((e) => e.reason.code === 'unsupported-link') as CaptureDamage;
      throw new CaptureError(first.reason, 0);
    }
    this.tracker.end();
    return { format: this.container.format as CaptureFormat, traces: this.traces, errors: this.errors, stats: this.stats };
  }

  private frame(frame: Frame): void {
    this.stats.packets++;
    this.start ??= frame.time;
    const d = this.decoder.decode(frame);
    if (d.kind === 'skip') {
      this.stats.skipped[d.reason] = (this.stats.skipped[d.reason] ?? 0) + 1;
      if (d.reason === 'unsupported-link' && !this.unsupported.has(frame.linkType)) {
        this.unsupported.add(frame.linkType);
        const reason: CaptureReason = { code: 'unsupported-link', packet: frame.number, linkType: frame.linkType, supported: SUPPORTED };
        this.errors.push({ packet: frame.number, offset: frame.offset, message: reasonText(reason), reason });
      }
      if (d.reason !== 'unsupported-link') this.decodedAny = true;
      return;
    }
    this.decodedAny = true;
    this.stats.tcp++;
    this.tracker.add(d.packet, frame.number, frame.time);
  }

}

/** Reads a whole capture held in memory (tests, small files). */
export function readCapture(bytes: Uint8Array, options?: ReaderOptions): CaptureResult {
  const reader = new CaptureReader(options);
  reader.push(bytes);
  return reader.end();
}
