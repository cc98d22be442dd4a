// The explore page's sample captures are the project's own: exactly what scripts/samples.ts
// writes from generated scenarios, and each of their connections replays valid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapture } from '@/lib/capture';
import { summarizeConnection } from '@/lib/capture/summary';
import { renumberTrace } from '@/lib/capture/renumber';
import { parseTrace, replayTrace } from '@/lib/engine';
import { captureQuizItems } from '@/app/_lib/capture-quiz';
import { SAMPLE_CAPTURES, sampleCapture } from '@/scripts/samples';

const file = (id: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'samples', `${id}.pcap`)));

describe('sample captures', () => {
  for (const [id, families] of Object.entries(SAMPLE_CAPTURES)) {
    it(`${id} is what scripts/samples.ts writes, one valid connection per scenario`, () => {
      expect(file(id)).toEqual(sampleCapture(id));
      const { traces, errors } = readCapture(file(id));
      expect(errors).toEqual([]);
      expect(traces).toHaveLength(families.length);
      for (const t of traces) expect(replayTrace(parseTrace(t), { lang: 'en' }).valid).toBe(true);
    });
  }

  it('summaries name how each connection ended and its anomalies', () => {
    const lost = readCapture(file('lost-segments')).traces.map((t) => summarizeConnection(t, 'en'));
    // lost_syn stops once the handshake is done; lost_fin and lost_last_ack close.
    expect(lost.map((s) => s.ending)).toEqual(['open', 'closed', 'closed']);
    expect(lost.map((s) => s.anomalies.retransmissions)).toEqual([1, 1, 1]);
    expect(lost.map((s) => s.anomalies.lost)).toEqual([1, 1, 1]);
    expect(lost.every((s) => s.valid && s.firstError === null)).toBe(true);
    const refused = readCapture(file('refused-and-reset')).traces.map((t) => summarizeConnection(t, 'zh'));
    expect(refused.map((s) => s.ending)).toEqual(['refused', 'reset']);
    expect(refused.map((s) => s.anomalies.resets)).toEqual([1, 1]);
  });

  it('a SYN never answered is "unanswered" even when the opener sent a FIN after it (a Fast Open capture), not half-closed', () => {
    const { traces } = readCapture(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'captures', 'tcpdump_tfo-5c1fa7f9ae91.pcap')));
    expect(traces.map((t) => summarizeConnection(t, 'en').ending)).toEqual(['closed', 'closed', 'unanswered']);
  });

  it('a rejected segment is named with the engine explanation in the asked language', () => {
    const [trace] = readCapture(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'captures', 'zeek_tcp_fin_retransmission.pcap'))).traces;
    const s = summarizeConnection(trace!, 'zh');
    expect(s.valid).toBe(false);
    expect(s.firstError?.explain).toMatch(/[\u4e00-\u9fff]/);
  });

  it('renumbering keeps the shape and validity, with fresh ISNs; quizzes are asked on it', () => {
    for (const trace of readCapture(file('handshake-and-close')).traces) {
      const renumbered = renumberTrace(trace, 99);
      expect(replayTrace(parseTrace(renumbered), { lang: 'en' }).valid).toBe(true);
      const first = (t: typeof trace) => t.events.find((e) => 'send' in e) as { send: { seq: number } };
      expect(first(renumbered).send.seq).not.toBe(first(trace).send.seq);
      const items = captureQuizItems(renumbered, 5);
      expect(items.length).toBe(5);
      expect(new Set(items.map((i) => i.kind)).size).toBeGreaterThan(1);
    }
  });
});
