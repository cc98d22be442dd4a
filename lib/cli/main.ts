// Node entry of the `trace` CLI (npm run --silent trace -- ...): wires runCli to the real
// file system, standard input and exit code.
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { InputError, oneLine, runCli, type CliIo } from './run';

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

/** A file (or stdin) as a stream of chunks, so a capture of any size is never read whole. */
async function* openStream(path: string): AsyncIterable<Uint8Array> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  const chunks = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = (await chunks.next()) as IteratorResult<Buffer>;
    } catch (e) {
      throw cannotRead(path, e);
    }
    if (next.done) return;
    yield next.value;
  }
}

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
