import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario, narrateTrace, parseTrace, SCENARIO_FAMILIES } from '@/lib/engine';

describe('narration', () => {
  it('one sentence per event, in both languages', () => {
    fc.assert(fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.nat(), (f, s) => {
      const trace = generateScenario(f, { seed: s, difficulty: 'expert' });
      for (const lang of ['en', 'zh'] as const) {
        const lines = narrateTrace(trace, lang);
        expect(lines).toHaveLength(trace.events.length);
        for (const line of lines) expect(line.length).toBeGreaterThan(5);
      }
    }), { numRuns: 50 });
  });

  it('says what moved and why a retransmitted FIN in TIME_WAIT is acknowledged again', () => {
    const trace = generateScenario('lost_last_ack', { seed: 1 });
    const lines = narrateTrace(trace, 'en');
    expect(lines.find((l) => l.includes('retransmission timer fires'))).toBeDefined();
    expect(lines.some((l) => l.includes('repeats what was already received') && l.startsWith('A receives'))).toBe(true);
    expect(lines.at(-2)).toContain("A's 2MSL timer expires; A moves to CLOSED");
    expect(narrateTrace(trace, 'zh').at(-2)).toContain('A 的 2MSL 计时器到期；A 进入 CLOSED');
  });

  it('names the error of a wrong event', () => {
    const trace = parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: [
      { from: 'A', flags: ['SYN'], seq: 1000, ack: 0 }, { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1000 }] });
    expect(narrateTrace(trace, 'en')[1]).toContain('Error: B must acknowledge');
    expect(narrateTrace(trace, 'en')[0]).toBe("A sends SYN (seq=1000, ack=0, len=0); B receives A's SYN; A moves to SYN_SENT; B moves to SYN_RECEIVED.");
    expect(narrateTrace(trace, 'en')[1]).toMatch(/answered with RST; Error: .* = 1001\.$/);
  });
});
