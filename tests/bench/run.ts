// `npm run bench`: every speed and size target of the project, each as a ratio against a
// baseline measured in the same run. Targets are printed beside the figures, not asserted in
// unit tests (a loaded CI machine must not fail the build).
//
// The page figures need a production build: the bench runs `next build` itself, or reuses the
// one in .next with SYNACK_BENCH_SKIP_BUILD=1. It starts `next start` and a headless Chromium
// (CHROME_PATH, default /usr/bin/chromium) on 127.0.0.1 and stops both at the end, also on error.
// SYNACK_BENCH_LESSON picks the lesson page (default /en/learn/three-way-handshake);
// SYNACK_BENCH_LH_RUNS sets the Lighthouse runs per page and preset (default 3, median taken);
// SYNACK_BENCH_LOAD_LESSON picks the lesson of the load test (default /en/learn/edge-cases, the
// heaviest); SYNACK_BENCH_LOAD_SECONDS its length per page and round (default 5);
// SYNACK_BENCH_ENGINE_ONLY=1 skips the page figures and the classroom load; SYNACK_BENCH_CLASSROOM_ONLY=1
// runs only the classroom load (tests/bench/classroom.ts), on the build in .next or a fresh one;
// SYNACK_BENCH_PAGES_ONLY=1 runs only the first-load JS, HTML size and request-rate figures (no
// engine, CLI, capture, Lighthouse or classroom), on the build in .next or a fresh one;
// SYNACK_BENCH_PORT fixes the port of the page figures' server (default: a free one).
import { loadavg } from 'node:os';
import type { LaunchedChrome } from 'chrome-launcher';
import { benchCli, type Timing } from './cli';
import { runCaptureBench } from './capture';
import { benchEngine } from './engine';
import { benchFirstLoad, type PageJs } from './first-load';
import { runLighthouse, startChrome, type LighthouseRun } from './lighthouse';
import { ensureBuild, startServer, type Server } from './server';
import { benchThroughput } from './throughput';
import { runClassroomBench } from './classroom';

function line(label: string, value: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'ok  ' : 'MISS'} ${label.padEnd(52)} ${value.padStart(22)}   target ${target}`);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function engine(): void {
  const engine = benchEngine();
  console.log(`engine: replay of a ${engine.events}-event connection`);
  line('floor: JSON.parse + write same-shape output', `${engine.floorMs.toFixed(1)} ms`, '-', true);
  line('engine: parse + validate + replay + write', `${engine.engineMs.toFixed(1)} ms`, '-', true);
  line('events per second', `${Math.round(engine.eventsPerSecond).toLocaleString('en')}`, '-', true);
  line('engine / floor', `${engine.ratio.toFixed(2)}x`, '<= 3x', engine.ratio <= 3);
  for (const p of engine.perEventNs) line(`replay cost per event at ${p.events} events`, `${p.ns.toFixed(0)} ns`, '-', true);
  line('cost per event, 1M events / 1k events', `${engine.flatness.toFixed(2)}x`, 'flat: <= 2.5x', engine.flatness <= 2.5);
}

function printLighthouse(run: LighthouseRun, page: string, isTarget: boolean): void {
  const perfOk = run.performance >= 95;
  const a11yOk = run.accessibility >= 100;
  line(`${run.preset} performance, ${page}`, `${run.performance}`, isTarget ? '>= 95' : '-', !isTarget || perfOk);
  line(`${run.preset} accessibility, ${page}`, `${run.accessibility}`, isTarget ? '100' : '-', !isTarget || a11yOk);
  const metrics = Object.entries(run.metrics).map(([k, v]) => `${k.replace(/-/g, ' ')} ${v}`).join(', ');
  console.log(`       ${metrics}`);
  if (isTarget && (!perfOk || !a11yOk)) {
    for (const category of ['performance', 'accessibility'] as const) {
      if (category === 'performance' ? perfOk : a11yOk) continue;
      for (const audit of run.failing[category]) {
        console.log(`       ${category} audit below par: ${audit.title} (${audit.id}, score ${audit.score.toFixed(2)}${audit.value ? `, ${audit.value}` : ''})`);
      }
    }
  }
}

/** The run with the median performance score (its accessibility score and audits come with it). */
function medianRun(runs: LighthouseRun[]): LighthouseRun {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseRun;
}

/** HTML bytes of every page, then requests per second of the heaviest lesson against the lightest page. */
async function htmlAndLoad(server: Server, measured: PageJs[]): Promise<void> {
  const { origin } = server;
  const loadLesson = process.env.SYNACK_BENCH_LOAD_LESSON ?? '/en/learn/edge-cases';
  const lesson = measured.find((p) => p.path === loadLesson);
  if (!lesson) throw new Error(`${loadLesson} is not a page of the build`);
  const lightest = measured.filter((p) => p.status === 200).reduce((a, b) => (b.html.gzip < a.html.gzip ? b : a));
  console.log('\nHTML of each page (bytes served, and gzipped)');
  for (const page of measured) line(`  ${page.path}`, `${kB(page.html.bytes)} / ${kB(page.html.gzip)}`, '-', true);
  line(`lesson HTML, ${lesson.path} / ${lightest.path}`, `${(lesson.html.bytes / lightest.html.bytes).toFixed(2)}x`, '-', true);
  const connections = 20;
  const seconds = Math.max(1, Number(process.env.SYNACK_BENCH_LOAD_SECONDS ?? 5));
  console.log(`\nrequests per second, ${connections} connections, ${seconds} s per page and round, best of 2 rounds`);
  const [forLesson, forLightest] = await benchThroughput(origin, [lesson.path, lightest.path], { connections, seconds, serverCpuMs: server.cpuMs });
  console.log(`       (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} after the rounds)`);
  for (const r of [forLightest, forLesson]) {
    if (!r) continue;
    line(`  ${r.path}`, `${r.requestsPerSecond.toFixed(1)} req/s`, '-', r.errors === 0);
    const cpu = r.cpuMsPerRequest === null ? '' : `, server CPU ${r.cpuMsPerRequest.toFixed(1)} ms per request`;
    console.log(`       p99 ${r.p99Ms} ms${cpu}${r.errors ? `, ${r.errors} errors or non-2xx` : ''}`);
  }
  if (forLesson && forLightest) {
    const ratio = forLesson.requestsPerSecond / forLightest.requestsPerSecond;
    line('lesson / lightest page, requests per second', `${ratio.toFixed(2)}x`, '>= 0.5x', ratio >= 0.5);
    // The same comparison by what each request costs the server, which other load on a shared
    // machine moves much less than the rates (the target stays on the rates).
    if (forLesson.cpuMsPerRequest !== null && forLightest.cpuMsPerRequest !== null) {
      line('  lightest / lesson page, server CPU per request', `${(forLightest.cpuMsPerRequest / forLesson.cpuMsPerRequest).toFixed(2)}x`, '-', true);
    }
  }
}

async function pages({ lighthouse }: { lighthouse: boolean }): Promise<void> {
  const lessonPath = process.env.SYNACK_BENCH_LESSON ?? '/en/learn/three-way-handshake';
  const how = ensureBuild();
  let server: Server | undefined;
  let chrome: LaunchedChrome | undefined;
  const cleanup = async () => {
    try {
      chrome?.kill();
    } catch {
      /* already gone */
    }
    chrome = undefined;
    await server?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await startServer({ port: process.env.SYNACK_BENCH_PORT ? Number(process.env.SYNACK_BENCH_PORT) : undefined });
    const first = await benchFirstLoad(server.origin, lessonPath);
    console.log(`\nfirst-load JS (${how} production build, gzip of every script each page loads)`);
    for (const page of first.pages) line(`  ${page.path} (${page.scripts.length} scripts)`, kB(page.gzip), '-', true);
    line(`lesson: ${first.lesson.path}`, kB(first.lesson.gzip), '-', true);
    line(`smallest page: ${first.smallest.path}`, kB(first.smallest.gzip), '-', true);
    line('lesson / smallest page', `${first.ratio.toFixed(2)}x`, '<= 1.3x', first.ratio <= 1.3);
    const baseline = new Set(first.smallest.scripts.map((s) => s.src));
    const extra = first.lesson.scripts.filter((s) => !baseline.has(s.src)).sort((a, b) => b.gzip - a.gzip);
    for (const s of extra) console.log(`       only on the lesson page: ${s.src} ${kB(s.gzip)}`);

    await htmlAndLoad(server, first.pages);
    if (!lighthouse) return;

    chrome = await startChrome();
    // Scores move by several points between runs on a busy machine (the first run in a fresh
    // Chromium most of all): one discarded warm-up, then the median of `runs` runs per page.
    const runs = Math.max(1, Number(process.env.SYNACK_BENCH_LH_RUNS ?? 3));
    console.log(`\nlighthouse on the production build, median of ${runs} runs after a warm-up; the smallest page is the baseline`);
    await runLighthouse(chrome, server.origin + first.smallest.path, 'mobile');
    for (const preset of ['mobile', 'desktop'] as const) {
      const lesson: LighthouseRun[] = [];
      const base: LighthouseRun[] = [];
      for (let r = 0; r < runs; r++) {
        lesson.push(await runLighthouse(chrome, server.origin + lessonPath, preset));
        base.push(await runLighthouse(chrome, server.origin + first.smallest.path, preset));
      }
      printLighthouse(medianRun(base), first.smallest.path, false);
      printLighthouse(medianRun(lesson), lessonPath, true);
      if (runs > 1) console.log(`       ${preset} performance of each run, lesson: ${lesson.map((l) => l.performance).join(' ')}; smallest page: ${base.map((l) => l.performance).join(' ')}`);
      if (preset === 'mobile') {
        const first = lesson[0] as LighthouseRun;
        console.log(`       (lighthouse ${first.lighthouseVersion}, ${first.userAgent})`);
        const errored = Object.entries(first.errored);
        if (errored.length > 0) {
          console.log(`       ${errored.length} audits could not run: ${errored.map(([id]) => id).join(', ')}`);
          console.log(`       (first error: ${errored[0]?.[1].slice(0, 160)})`);
        }
      }
    }
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function cli(): void {
  const r = benchCli();
  const t = (x: Timing) => `${x.ms.toFixed(0)} ms (cpu ${x.cpuMs.toFixed(0)})`;
  console.log('\nCLI: whole processes, as a user runs them (median wall time, and CPU time of the process tree)');
  line('start: npm run --silent trace -- scenarios', t(r.startup.npm), '< 200 ms', r.startup.npm.ms < 200);
  // npm's own start is a floor no script gets under: the figure beside it says what the CLI adds.
  line('  baseline: npm run --silent of a no-op node script', t(r.startup.npmNoop), '-', true);
  const overNpm = r.startup.npm.ms - r.startup.npmNoop.ms;
  line('  the trace script over that baseline', `${overNpm.toFixed(0)} ms`, '< 200 ms', overNpm < 200);
  line('start: node (the trace script, without npm) scenarios', t(r.startup.node), '-', true);
  line('start: node -e "" (baseline)', t(r.startup.bareNode), '-', true);
  line('  of which npm itself (npm run - node)', `${(r.startup.npm.ms - r.startup.node.ms).toFixed(0)} ms`, '-', true);
  line('  of which the CLI (node - node -e "")', `${(r.startup.node.ms - r.startup.bareNode.ms).toFixed(0)} ms`, '-', true);
  line(`replay of ${r.replay.events} events, whole process`, t(r.replay.cli), '-', true);
  line('floor: a process that parses the JSON and writes as much', t(r.replay.floor), '-', true);
  line('replay / floor, whole processes', `${r.replay.ratio.toFixed(2)}x`, '<= 2x', r.replay.ratio <= 2);
  line('replay / floor, CPU time', `${r.replay.cpuRatio.toFixed(2)}x`, '-', true);
  for (const m of r.memory) line(`peak memory, replay of ${m.events.toLocaleString('en')} events`, `${m.maxRssMb.toFixed(0)} MB`, 'exit 0', m.ok);
  const first = r.memory[0];
  const last = r.memory[r.memory.length - 1];
  if (first && last) {
    const growth = ((last.maxRssMb - first.maxRssMb) * 1024 * 1024) / (last.events - first.events);
    line(`peak memory, ${last.events.toLocaleString('en')} / ${first.events.toLocaleString('en')} events`, `${(last.maxRssMb / first.maxRssMb).toFixed(2)}x`, 'flat: <= 1.5x', last.maxRssMb / first.maxRssMb <= 1.5);
    line('  memory growth per added event', `${growth.toFixed(1)} B`, '-', true);
  }
}

if (process.env.SYNACK_BENCH_CLASSROOM_ONLY === '1') {
  ensureBuild();
  await runClassroomBench(line);
} else if (process.env.SYNACK_BENCH_PAGES_ONLY === '1') {
  await pages({ lighthouse: false });
} else {
  engine();
  cli();
  runCaptureBench(line);
  if (process.env.SYNACK_BENCH_ENGINE_ONLY !== '1') {
    await pages({ lighthouse: true });
    await runClassroomBench(line);
  }
}
