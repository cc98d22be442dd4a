// Node entry of the `trace` CLI (npm run --silent trace -- ...): wires runCli to the real
// file system, standard input and exit code.
import { readFile } from 'node:fs/promises';
import { InputError, runCli } from './run';

async function readInput(path: string): Promise<string> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path === '-' ? 'standard input' : path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

runCli(process.argv.slice(2), readInput).then(
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
