// Node entry of the `trace` CLI (npm run --silent trace -- ...): wires runCli to the real
// file system, standard input and exit code.
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { InputError, runCli, type CliIo } from './run';

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
  write: (text) => {
    process.stdout.write(text);
  },
};

runCli(process.argv.slice(2), readInput, io).then(
  (r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  },
  (e: unknown) => {
    process.stderr.write(`trace: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
