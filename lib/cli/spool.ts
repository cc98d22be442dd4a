// Text held back until it can be printed: the replay output begins with `valid`, known only
// after the last event, so its steps wait here. The first few megabytes stay in memory; the rest
// goes to a spill file (a deleted temporary file in the Node CLI), so memory stays flat however
// many steps a replay has.

/** Where a spool puts what does not fit in memory; `chunks` reads it back from the start. */
export interface SpillFile {
  append(text: string): void;
  chunks(): AsyncIterable<string>;
  close(): void;
}

export type OpenSpill = () => SpillFile;

/** Characters kept in memory before the rest is spilled (when a spill file can be opened). */
export const IN_MEMORY = 4 << 20;

export class Spool {
  private memory: string[] = [];
  private held = 0;
  private spill: SpillFile | null = null;

  constructor(
    private readonly openSpill?: OpenSpill,
    private readonly inMemory = IN_MEMORY,
  ) {}

  write(text: string): void {
    if (this.spill !== null) {
      this.spill.append(text);
      return;
    }
    this.memory.push(text);
    this.held += text.length;
    if (this.held > this.inMemory && this.openSpill) this.spill = this.openSpill();
  }

  /** Everything written, in order. */
  async *chunks(): AsyncIterable<string> {
    yield* this.memory;
    if (this.spill !== null) yield* this.spill.chunks();
  }

  /** Forgets what was written (and closes the spill file). */
  discard(): void {
    this.memory = [];
    this.held = 0;
    this.spill?.close();
    this.spill = null;
  }
}
