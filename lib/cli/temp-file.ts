// Temporary files for the Node CLI: deleted as soon as they are opened, so nothing is left
// behind whatever way the process ends; only the open descriptor reaches them.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ReplaySource } from './replay';
import type { SpillFile } from './spool';

const READ_SIZE = 1 << 16;

class TempFile {
  private readonly fd: number;
  private size = 0;

  constructor() {
    const path = join(tmpdir(), `synack-trace-${process.pid}-${randomUUID()}`);
    this.fd = openSync(path, 'wx+', 0o600);
    unlinkSync(path);
  }

  append(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    this.size += bytes.length;
  }

  /** Text is encoded by Node as it is written: no buffer per write for the collector to find. */
  appendText(text: string): void {
    const written = writeSync(this.fd, text, this.size, 'utf8');
    // A regular file takes a whole write or fails (ENOSPC); anything else would lose output.
    if (written !== Buffer.byteLength(text)) throw new Error(`short write to a temporary file (${written} bytes)`);
    this.size += written;
  }

  /**
   * The bytes written so far, from the first, in one buffer used again for every chunk: each
   * chunk is valid until the next is asked for (its readers decode or copy it at once).
   */
  *read(): Generator<Uint8Array> {
    const buffer = new Uint8Array(READ_SIZE);
    for (let at = 0; at < this.size; ) {
      const n = readSync(this.fd, buffer, 0, Math.min(READ_SIZE, this.size - at), at);
      if (n === 0) return;
      at += n;
      yield buffer.subarray(0, n);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A spill file for held-back output (spool.ts). */
export function openSpill(): SpillFile {
  const file = new TempFile();
  return {
    append: (text) => file.appendText(text),
    async *chunks() {
      const decoder = new TextDecoder();
      for (const bytes of file.read()) yield decoder.decode(bytes, { stream: true });
      const rest = decoder.decode();
      if (rest) yield rest;
    },
    close: () => file.close(),
  };
}

/**
 * A stream that can be read only once (standard input) made readable again: the first read
 * copies it into a temporary file as it goes, later reads come from that file.
 */
export function rewindable(open: () => AsyncIterable<Uint8Array>): ReplaySource {
  let copy: TempFile | null = null;
  let complete = false;
  return async function* () {
    if (copy !== null) {
      if (!complete) throw new Error('input read again before its first read ended');
      yield* copy.read();
      return;
    }
    copy = new TempFile();
    for await (const chunk of open()) {
      copy.append(chunk);
      yield chunk;
    }
    complete = true;
  };
}
