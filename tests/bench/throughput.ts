// Requests per second a page sustains from `next start`, under the same load for each page
// measured in one run: a lesson page against the lightest page, so the ratio says what the
// lesson's size and rendering cost, whatever the machine.
import autocannon from 'autocannon';

export interface Throughput {
  path: string;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  /**
   * The server's CPU time per request, the lower of the rounds (null without the figure): what
   * a request costs, which load from other processes on the machine changes much less than the
   * request rate.
   */
  cpuMsPerRequest: number | null;
}

export interface ThroughputOptions {
  connections: number;
  seconds: number;
  /** The server process's CPU time so far, in ms (Server.cpuMs). */
  serverCpuMs?: () => number | null;
}

async function measure(origin: string, path: string, { connections, seconds, serverCpuMs }: ThroughputOptions): Promise<Throughput> {
  const cpuBefore = serverCpuMs?.() ?? null;
  const result = await autocannon({
    url: origin + path,
    connections,
    duration: seconds,
    // As a browser asks, so the server compresses as it would for a visitor.
    headers: { 'accept-encoding': 'gzip' },
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  const cpuAfter = serverCpuMs?.() ?? null;
  const cpuMsPerRequest = cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : null;
  return { path, requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, errors, cpuMsPerRequest };
}

/**
 * Each page for `seconds` after a short warm-up, alternating twice so that a change in the
 * machine's load during the run falls on both pages alike; the better of each page's two runs.
 */
export async function benchThroughput(origin: string, paths: string[], options: ThroughputOptions): Promise<Throughput[]> {
  for (const path of paths) await measure(origin, path, { ...options, seconds: 1 });
  const runs: Throughput[][] = paths.map(() => []);
  for (let round = 0; round < 2; round++) {
    for (const [i, path] of paths.entries()) runs[i]?.push(await measure(origin, path, options));
  }
  return runs.map((list) => {
    const best = list.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    const cpu = list.flatMap((run) => (run.cpuMsPerRequest === null ? [] : [run.cpuMsPerRequest]));
    return { ...best, cpuMsPerRequest: cpu.length > 0 ? Math.min(...cpu) : null };
  });
}
