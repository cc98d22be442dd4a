// The `trace` CLI as a user runs it, whole processes: how long it takes to start (through npm,
// as the trace format writes it, and without npm), a long replay against a process that only
// parses the same JSON and writes output of the same shape, and peak memory as the number of
// events grows. Besides wall time, each figure has the CPU time of the process and its children
// (Linux): on a loaded machine wall time is mostly waiting for a core, CPU time is the work.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { longConnection } from './engine';
import { root } from './server';

const maxRss = join(root, 'tests', 'bench', 'max-rss.cjs');
/** What package.json's `trace` script runs after `node` (its flags and the launcher), as npm does. */
const trace = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { trace: string } }).scripts.trace.split(/\s+/).slice(1);

/** The floor: read and parse the file, write one line per event of the same shape. */
const FLOOR = `
const doc = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
const line = JSON.stringify({ states: { A: 'ESTABLISHED', B: 'ESTABLISHED' }, error: null }, null, 2);
let out = '';
for (let i = 0; i < doc.events.length; i++) { out += line; if (out.length > 65536) { process.stdout.write(out); out = ''; } }
process.stdout.write(out);`;

/** CPU milliseconds of every waited-for child so far (cutime + cstime of /proc/self/stat), or NaN. */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // After the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14. Ticks are 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  status: number | null;
}

function run(command: string, args: string[], cwd = root): Run {
  const cpu = childrenCpuMs();
  const start = performance.now();
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  const kb = Number(/max-rss-kb (\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  return { ms, cpuMs: childrenCpuMs() - cpu, maxRssMb: kb / 1024, status: r.status };
}

export interface Timing {
  ms: number;
  cpuMs: number;
}

/** Median wall time and median CPU time of `times` runs. */
function median(times: number, command: string, args: string[], cwd = root): Timing {
  const runs = Array.from({ length: times }, () => run(command, args, cwd));
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { ms: mid(runs.map((r) => r.ms)), cpuMs: mid(runs.map((r) => r.cpuMs)) };
}

export interface CliBench {
  /** npmNoop: `npm run --silent` of a script that only starts node, npm's own floor for any script. */
  startup: { npm: Timing; npmNoop: Timing; node: Timing; bareNode: Timing };
  replay: { events: number; cli: Timing; floor: Timing; ratio: number; cpuRatio: number };
  memory: Array<{ events: number; maxRssMb: number; ok: boolean }>;
}

export function benchCli(): CliBench {
  run('node', [...trace, 'scenarios']); // builds the bundle if it is stale
  const dir = mkdtempSync(join(tmpdir(), 'synack-bench-cli-'));
  try {
    // A package whose one script starts node and does nothing: what npm costs before any script.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'npm-floor', private: true, scripts: { noop: 'node -e ""' } }));
    const startup = {
      npm: median(11, 'npm', ['run', '--silent', 'trace', '--', 'scenarios']),
      npmNoop: median(11, 'npm', ['run', '--silent', 'noop'], dir),
      node: median(11, 'node', [...trace, 'scenarios']),
      bareNode: median(11, 'node', ['-e', '']),
    };
    const file = (n: number) => {
      const path = join(dir, `${n}.json`);
      writeFileSync(path, JSON.stringify(longConnection(n)));
      return path;
    };
    const size = 200_000;
    const long = file(size);
    const cli = median(5, 'node', [...trace, 'replay', long]);
    const floor = median(5, 'node', ['-e', FLOOR, long]);
    const memory = [100_000, 1_000_000, 3_000_000].map((n) => {
      const path = file(n);
      const r = run('node', ['-r', maxRss, ...trace, 'replay', path]);
      rmSync(path);
      return { events: n, maxRssMb: r.maxRssMb, ok: r.status === 0 };
    });
    return { startup, replay: { events: size, cli, floor, ratio: cli.ms / floor.ms, cpuRatio: cli.cpuMs / floor.cpuMs }, memory };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
