// The production build the page benchmarks measure: `next build` (unless told to reuse one) and
// a `next start` on 127.0.0.1 and a free port, stopped by the caller (also on error).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const root = process.cwd();
const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Builds the app with `next build`, or reuses the build in .next when SYNACK_BENCH_SKIP_BUILD=1
 * (fails if there is none). Returns what was done, for the report.
 */
export function ensureBuild(): 'built' | 'reused' {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (process.env.SYNACK_BENCH_SKIP_BUILD === '1') {
    if (!existsSync(buildId)) throw new Error('SYNACK_BENCH_SKIP_BUILD=1 but there is no build in .next (no .next/BUILD_ID)');
    return 'reused';
  }
  console.log('building: next build (set SYNACK_BENCH_SKIP_BUILD=1 to reuse .next)');
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  }
  return 'built';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Server {
  origin: string;
  port: number;
  stop: () => Promise<void>;
  /** SIGKILL to the whole process group at once: a crash, with no chance to flush or close anything. */
  crash: () => Promise<void>;
  /** CPU time (user + system, ms) the server process has used so far; null without Linux's /proc. */
  cpuMs: () => number | null;
}

export interface ServerOptions {
  /** Extra environment (DATA_DIR, DATABASE_URL, ...). */
  env?: Record<string, string>;
  /** A fixed port (a restart after a crash keeps its address); a free one otherwise. */
  port?: number;
}

/**
 * utime + stime of a process from /proc/<pid>/stat, in ms (the kernel reports them in USER_HZ,
 * 100 a second). `next start` serves from the process it was started as.
 */
function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces), from field 3 on: utime and stime are 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** `next start` on 127.0.0.1, resolved once it answers HTTP. */
export async function startServer(options: ServerOptions = {}): Promise<Server> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...options.env },
    detached: true, // its own process group, so stop() also ends anything it forks
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const crash = async () => {
    stopped = true;
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      /* already gone */
    }
    await exited;
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log}`);
    try {
      await fetch(`${origin}/`, { redirect: 'manual' });
      return { origin, port, stop, crash, cpuMs: () => processCpuMs(child.pid as number) };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await stop();
  throw new Error(`next start did not answer on ${origin} within 30 s:\n${log}`);
}
