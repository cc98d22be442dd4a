// `npm run bench`: every speed and size target of the project, each as a ratio against a
// baseline measured in the same run. Targets are printed beside the figures, not asserted in
// unit tests (a loaded CI machine must not fail the build).
import { benchEngine } from './engine';

function line(label: string, value: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'ok  ' : 'MISS'} ${label.padEnd(46)} ${value.padStart(22)}   target ${target}`);
}

const engine = benchEngine();
console.log(`engine: replay of a ${engine.events}-event connection`);
line('floor: JSON.parse + write same-shape output', `${engine.floorMs.toFixed(1)} ms`, '-', true);
line('engine: parse + validate + replay + write', `${engine.engineMs.toFixed(1)} ms`, '-', true);
line('events per second', `${Math.round(engine.eventsPerSecond).toLocaleString('en')}`, '-', true);
line('engine / floor', `${engine.ratio.toFixed(2)}x`, '<= 3x', engine.ratio <= 3);
for (const p of engine.perEventNs) line(`replay cost per event at ${p.events} events`, `${p.ns.toFixed(0)} ns`, '-', true);
line('cost per event, 1M events / 1k events', `${engine.flatness.toFixed(2)}x`, 'flat: <= 2.5x', engine.flatness <= 2.5);
