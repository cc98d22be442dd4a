// Capture import speed and memory: `trace from-pcap` on a ~100 MB many-connection capture that
// the bench writes itself, side by side with tshark printing the same four fields per packet
// (tshark -T fields -e tcp.seq_raw -e tcp.ack_raw -e tcp.flags -e tcp.len) on the same file in
// the same run; and from-pcap's peak memory on 10 MB, 100 MB and 1 GB captures, which must stay
// flat. tshark comes from Debian; the bench installs it when it is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ethernetFrame, pcapFile, tcpIpPacket } from '@/lib/capture/write';

const root = join(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;

/** One connection: handshake, 6 data segments of 1400 bytes each acknowledged, a teardown. */
function connectionFrames(n: number, start: number): { time: number; data: Uint8Array }[] {
  const a = Uint8Array.of(10, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  const b = Uint8Array.of(192, 0, 2, 80);
  const aPort = 1024 + (n % 60_000);
  let aSeq = (n * 7919) >>> 0;
  let bSeq = (n * 104_729 + 12_345) >>> 0;
  const frames: { time: number; data: Uint8Array }[] = [];
  const push = (fromA: boolean, flags: number, len: number) => {
    const ip = tcpIpPacket({ src: fromA ? a : b, dst: fromA ? b : a, srcPort: fromA ? aPort : 443, dstPort: fromA ? 443 : aPort, seq: fromA ? aSeq : bSeq, ack: flags & 0x10 ? (fromA ? bSeq : aSeq) : 0, flags, len });
    frames.push({ time: start + frames.length / 10_000, data: ethernetFrame(ip, fromA) });
    const span = len + (flags & 0x02 ? 1 : 0) + (flags & 0x01 ? 1 : 0);
    if (fromA) aSeq = (aSeq + span) >>> 0;
    else bSeq = (bSeq + span) >>> 0;
  };
  push(true, 0x02, 0);
  push(false, 0x12, 0);
  push(true, 0x10, 0);
  for (let i = 0; i < 6; i++) {
    push(true, 0x18, 1400);
    push(false, 0x10, 0);
  }
  push(true, 0x11, 0);
  push(false, 0x10, 0);
  push(false, 0x11, 0);
  push(true, 0x10, 0);
  return frames;
}

/** Writes a capture of about `bytes` bytes, connection after connection, streamed to disk. */
export function writeBenchCapture(path: string, bytes: number): { connections: number; packets: number } {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, pcapFile([]));
    const template = connectionFrames(0, 0);
    const perConnection = template.reduce((s, f) => s + 16 + f.data.length, 0);
    const connections = Math.max(1, Math.round(bytes / perConnection));
    let batch: { time: number; data: Uint8Array }[] = [];
    for (let n = 0; n < connections; n++) {
      batch.push(...connectionFrames(n, 1_767_225_600 + n / 100));
      if (batch.length >= 4096 || n === connections - 1) {
        writeSync(fd, pcapFile(batch).subarray(24));
        batch = [];
      }
    }
    return { connections, packets: connections * template.length };
  } finally {
    closeSync(fd);
  }
}

function ensureTshark(): string {
  const has = () => spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!has()) {
    console.log('       (installing tshark from Debian: apt-get install -y tshark)');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'tshark'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (!has()) throw new Error('tshark is not installed and apt-get could not install it');
  }
  return execFileSync('tshark', ['--version'], { encoding: 'utf8', stderr: 'ignore' } as never).split('\n')[0] as string;
}

interface Run {
  seconds: number;
  peakMB: number;
}

/** Runs a command with its output thrown away, timing it and reading its peak RSS (GNU time). */
function measure(command: string, args: string[]): Run {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * MB });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr.slice(-300)}`);
  const kB = Number(r.stderr.trim().split('\n').at(-1));
  return { seconds, peakMB: kB / 1024 };
}

/**
 * The CLI exactly as `npm run --silent trace -- from-pcap FILE` runs it (package.json's own
 * `trace` script, with its node flags), without npm's own start-up.
 */
function fromPcap(file: string): Run {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { trace: string } }).scripts.trace;
  const [command, ...args] = script.trim().split(/\s+/) as [string, ...string[]];
  return measure(command === 'node' ? process.execPath : command, [...args, 'from-pcap', file]);
}
const tshark = (file: string) => measure('tshark', ['-r', file, '-T', 'fields', '-e', 'tcp.seq_raw', '-e', 'tcp.ack_raw', '-e', 'tcp.flags', '-e', 'tcp.len']);

export interface CaptureBench {
  tshark: string;
  size100: { bytes: number; connections: number; packets: number; fromPcap: Run; tshark: Run; ratio: number };
  memory: { bytes: number; peakMB: number }[];
}

export function benchCapture(): CaptureBench {
  const version = ensureTshark();
  const dir = mkdtempSync(join(tmpdir(), 'synack-bench-capture-'));
  try {
    const file = join(dir, '100mb.pcap');
    const { connections, packets } = writeBenchCapture(file, 100 * MB);
    // A warm-up of each, so neither pays for a cold page cache or a first compile.
    tshark(file);
    fromPcap(file);
    const ours = fromPcap(file);
    const theirs = tshark(file);
    const size100 = statSync(file).size;
    const peak = (bytes: number) => {
      const f = join(dir, `${bytes}.pcap`);
      writeBenchCapture(f, bytes);
      const run = fromPcap(f);
      const size = statSync(f).size;
      rmSync(f);
      return { bytes: size, peakMB: run.peakMB };
    };
    const memory = [peak(10 * MB), { bytes: size100, peakMB: ours.peakMB }, peak(1024 * MB)];
    return { tshark: version, size100: { bytes: size100, connections, packets, fromPcap: ours, tshark: theirs, ratio: ours.seconds / theirs.seconds }, memory };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Line = (label: string, value: string, target: string, ok: boolean) => void;

/** Runs the capture bench and prints its figures with the bench's `line`. */
export function runCaptureBench(line: Line): void {
  const r = benchCapture();
  const s = r.size100;
  console.log(`\ncapture import: ${(s.bytes / MB).toFixed(0)} MB pcap, ${s.connections.toLocaleString('en')} connections, ${s.packets.toLocaleString('en')} packets (${r.tshark})`);
  line('tshark -T fields (seq, ack, flags, len)', `${s.tshark.seconds.toFixed(2)} s`, '-', true);
  line('trace from-pcap', `${s.fromPcap.seconds.toFixed(2)} s`, '-', true);
  line('from-pcap / tshark', `${s.ratio.toFixed(2)}x`, '<= 0.5x', s.ratio <= 0.5);
  for (const m of r.memory) line(`from-pcap peak RSS, ${(m.bytes / MB).toFixed(0)} MB capture`, `${m.peakMB.toFixed(0)} MB`, '-', true);
  const [small, middle, large] = r.memory.map((m) => m.peakMB) as [number, number, number];
  line('peak RSS, 1 GB / 10 MB capture', `${(large / small).toFixed(2)}x`, 'flat: <= 1.5x', large / small <= 1.5);
  line('peak RSS, 1 GB / 100 MB capture', `${(large / middle).toFixed(2)}x`, 'flat: <= 1.1x', large / middle <= 1.1);
}
