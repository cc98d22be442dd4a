// fast-check arbitraries for well-formed but otherwise random events: anything a hostile or
// careless trace may hold, for properties that must hold whatever the input.
import fc from 'fast-check';
import { FLAGS, STATES } from '@/lib/engine';

const u32 = fc.oneof(fc.integer({ min: 0, max: 0xffff_ffff }), fc.constantFrom(0, 1, 0xffff_ffff));
const side = fc.constantFrom('A', 'B');
const id = fc.constantFrom('1', '2', '3', 'x', '__proto__');
const segment = fc.record({ from: side, flags: fc.uniqueArray(fc.constantFrom(...FLAGS), { maxLength: 5 }), seq: u32, ack: u32, len: fc.nat({ max: 3000 }) });
export const event = fc.oneof(
  segment,
  fc.record({ send: segment, id }),
  fc.record({ deliver: id }),
  fc.record({ drop: id }),
  fc.record({ app: fc.record({ at: side, call: fc.constantFrom('connect', 'listen', 'shutdown', 'close', 'abort') }) }),
  fc.record({ app: fc.record({ at: side, call: fc.constant('send'), len: fc.integer({ min: 1, max: 100 }) }) }),
  fc.record({ timeout: fc.record({ at: side, timer: fc.constantFrom('retransmit', 'time_wait') }) }),
  fc.record({ expect: fc.record({ A: fc.constantFrom(...STATES) }) }),
);
export const endpoint = fc.record({ role: fc.constantFrom('client', 'server', 'peer') });
