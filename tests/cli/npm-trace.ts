// Runs the `trace` CLI as a user does, through npm in a real process, with optional standard
// input (text or bytes); a failing exit is returned, not thrown.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const root = join(import.meta.dirname, '..', '..');

export async function npmTrace(args: string[], stdin?: string | Uint8Array): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = exec('npm', ['run', '--silent', 'trace', '--', ...args], { cwd: root, maxBuffer: 64 << 20 });
  if (stdin !== undefined) child.child.stdin?.end(stdin);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
