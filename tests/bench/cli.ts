// The `trace` CLI as a user runs it, whole processes: how long it takes to start, a long replay
// against a process that only parses the same JSON and writes output of the same shape, and
// peak memory as the number of events grows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { longConnection } from './engine';
import { root } from './server';

const launcher = join(root, 'lib', 'cli', 'launch.cjs');
const maxRss = join(root, 'tests', 'bench', 'max-rss.cjs');

/** The floor: read and parse the file, write one line per event of the same shape. */
const FLOOR = `
const doc = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
const line = JSON.stringify({ states: { A: 'ESTABLISHED', B: 'ESTABLISHED' }, error: null }, null, 2);
let out = '';
for (let i = 0; i < doc.events.length; i++) { out += line; if (out.length > 65536) { process.stdout.write(out); out = ''; } }
process.stdout.write(out);`;

function run(command: string, args: string[]): { ms: number; maxRssMb: number; status: number | null } {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  const kb = Number(/max-rss-kb (\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  return { ms, maxRssMb: kb / 1024, status: r.status };
}

function medianMs(times: number, command: string, args: string[]): number {
  const samples = Array.from({ length: times }, () => run(command, args).ms).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

export interface CliBench {
  startup: { npmMs: number; nodeMs: number; bareNodeMs: number };
  replay: { events: number; cliMs: number; floorMs: number; ratio: number };
  memory: Array<{ events: number; maxRssMb: number; ok: boolean }>;
}

export function benchCli(): CliBench {
  run('node', [launcher, 'scenarios']); // builds the bundle if it is stale
  const startup = {
    npmMs: medianMs(7, 'npm', ['run', '--silent', 'trace', '--', 'scenarios']),
    nodeMs: medianMs(7, 'node', [launcher, 'scenarios']),
    bareNodeMs: medianMs(7, 'node', ['-e', '']),
  };
  const dir = mkdtempSync(join(tmpdir(), 'synack-bench-cli-'));
  const file = (n: number) => {
    const path = join(dir, `${n}.json`);
    writeFileSync(path, JSON.stringify(longConnection(n)));
    return path;
  };
  const size = 200_000;
  const long = file(size);
  const cliMs = medianMs(3, 'node', [launcher, 'replay', long]);
  const floorMs = medianMs(3, 'node', ['-e', FLOOR, long]);
  const memory = [200_000, 1_500_000].map((n) => {
    const path = n === size ? long : file(n);
    const r = run('node', ['-r', maxRss, launcher, 'replay', path]);
    return { events: n, maxRssMb: r.maxRssMb, ok: r.status === 0 };
  });
  return { startup, replay: { events: size, cliMs, floorMs, ratio: cliMs / floorMs }, memory };
}
