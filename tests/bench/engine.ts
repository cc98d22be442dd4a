// Engine speed: a replay of a long connection against the floor of doing nothing but parsing
// its JSON and writing an output of the same shape, both measured in this run.
import { parseTrace, replayTrace, type Trace } from '@/lib/engine';
import { TraceBuilder } from '@/lib/engine/scenarios/builder';

/** A handshake, then data both ways (some segments in flight), then a teardown: ~n events. */
export function longConnection(n: number): Trace {
  const b = new TraceBuilder({ A: { role: 'client' }, B: { role: 'server' } }, { A: 0xffff_0000, B: 0x7fff_fff0 });
  b.segment('A', ['SYN']).segment('B', ['SYN', 'ACK']).segment('A', ['ACK']);
  let events = 3;
  let i = 0;
  while (events < n - 6) {
    if (i % 3 === 0) {
      const one = b.send('A', ['PSH', 'ACK'], 1460);
      const two = b.send('A', ['PSH', 'ACK'], 1460);
      b.deliver(one).deliver(two).segment('B', ['ACK']);
      events += 5;
    } else {
      b.segment(i % 2 ? 'A' : 'B', ['PSH', 'ACK'], 512).segment(i % 2 ? 'B' : 'A', ['ACK']);
      events += 2;
    }
    i++;
  }
  b.segment('A', ['FIN', 'ACK']).segment('B', ['ACK']).segment('B', ['FIN', 'ACK']).segment('A', ['ACK']).timeout('A', 'time_wait');
  return b.build('bench', `${n} events`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void, runs: number): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export interface EngineBench {
  events: number;
  floorMs: number;
  engineMs: number;
  eventsPerSecond: number;
  ratio: number;
  perEventNs: Array<{ events: number; ns: number }>;
  flatness: number;
}

export function benchEngine(): EngineBench {
  const size = 200_000;
  const text = JSON.stringify(longConnection(size));
  const events = (JSON.parse(text) as Trace).events.length;
  const floorMs = time(() => {
    const doc = JSON.parse(text) as Trace;
    const steps = doc.events.map(() => ({ states: { A: 'ESTABLISHED', B: 'ESTABLISHED' }, error: null }));
    JSON.stringify({ valid: true, steps });
  }, 7);
  const engineMs = time(() => {
    JSON.stringify(replayTrace(parseTrace(JSON.parse(text))));
  }, 7);
  // Per-event cost at growing sizes. Quadratic work (searching history per event) would grow
  // ~1000x from 1k to 1M events; what remains is V8 promoting a million output steps to the
  // old generation, a constant factor the floor pays too.
  const perEventNs = [1_000, 10_000, 100_000, 1_000_000].map((n) => {
    const trace = parseTrace(longConnection(n));
    const ms = time(() => replayTrace(trace), Math.max(3, Math.round(2_000_000 / n)));
    return { events: trace.events.length, ns: (ms * 1e6) / trace.events.length };
  });
  const first = perEventNs[0] as { ns: number };
  const last = perEventNs[perEventNs.length - 1] as { ns: number };
  return { events, floorMs, engineMs, eventsPerSecond: events / (engineMs / 1000), ratio: engineMs / floorMs, perEventNs, flatness: last.ns / first.ns };
}
