// Node entry of the `trace` CLI (npm run --silent trace -- ...): wires runCli to the real
// file system, standard input and exit code.
import { open, readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { InputError, oneLine, runCli, type CliIo } from './run';
import { openSpill, rewindable } from './temp-file';

/**
 * A reader that went away (`| head`) is not an error: stop quietly, exit 0. A stdout that cannot
 * be written (`> /dev/full`) is one line on stderr and exit 2, never a stack trace.
 */
function onOutputError(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(oneLine(`cannot write standard output: ${error.code ?? error.message}`));
  process.exit(2);
}
process.stdout.on('error', onOutputError);

/** Writes to stdout, waiting while its buffer is full so memory stays flat however long the output. */
async function writeOut(text: string): Promise<void> {
  try {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  } catch (error) {
    onOutputError(error as NodeJS.ErrnoException);
  }
}

function cannotRead(path: string, e: unknown): InputError {
  return new InputError(`cannot read ${path === '-' ? 'standard input' : path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}

async function readInput(path: string): Promise<string> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return await readFile(path, 'utf8');
  } catch (e) {
    throw cannotRead(path, e);
  }
}

/** Bytes read from a file at a time. */
const READ_SIZE = 1 << 20;

/**
 * A file (or stdin) as a stream of chunks, so an input of any size is never read whole. A file
 * is read into one buffer, reused for every chunk (each is valid until the next is asked for):
 * a gigabyte read leaves no gigabyte of garbage buffers behind it for the collector. A trace is
 * read in smaller chunks than a capture, so the text made of each dies young (trace-reader.ts).
 */
async function* openStream(path: string, chunkSize = READ_SIZE): AsyncIterable<Uint8Array> {
  if (path === '-') {
    yield* streamChunks(path, process.stdin);
    return;
  }
  const file = await open(path, 'r').catch((e: unknown) => {
    throw cannotRead(path, e);
  });
  try {
    const buffer = new Uint8Array(chunkSize);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, chunkSize).catch((e: unknown) => {
        throw cannotRead(path, e);
      });
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

async function* streamChunks(path: string, stream: AsyncIterable<Buffer>): AsyncIterable<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (e) {
      throw cannotRead(path, e);
    }
    if (next.done) return;
    yield next.value;
  }
}

const TRACE_CHUNK = 1 << 16;

const io: CliIo = {
  open: openStream,
  writeFile: async (path, bytes) => {
    try {
      await writeFile(path, bytes);
    } catch (e) {
      throw new InputError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  },
  write: writeOut,
  // A file is simply opened again for a second pass; standard input is copied as it is read.
  replayable: (path) => (path === '-' ? rewindable(() => openStream(path)) : () => openStream(path, TRACE_CHUNK)),
  spill: openSpill,
};

runCli(process.argv.slice(2), readInput, io).then(
  async (r) => {
    if (r.stdout) await writeOut(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  },
  (e: unknown) => {
    process.stderr.write(oneLine(`internal error: ${(e as Error).message}`));
    process.exitCode = 2;
  },
);
