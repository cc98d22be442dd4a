// The sample captures the explore page offers, made by the project: generated scenarios
// written out as pcap, several connections per file on their own client ports.
import { tracesToPcap } from '@/lib/capture';
import { generateScenario, type ScenarioFamily } from '@/lib/engine';

export const SAMPLE_CAPTURES: Record<string, ScenarioFamily[]> = {
  'handshake-and-close': ['data_transfer', 'client_closes_first', 'server_closes_first'],
  'lost-segments': ['lost_syn', 'lost_fin', 'lost_last_ack'],
  'refused-and-reset': ['refused', 'abort'],
};

export function sampleCapture(id: string): Uint8Array {
  const families = SAMPLE_CAPTURES[id];
  if (families === undefined) throw new Error(`no sample capture ${id}`);
  return tracesToPcap(
    families.map((family, i) => ({
      trace: generateScenario(family, { seed: 20 + i, difficulty: 'expert' }),
      addresses: { A: `192.168.1.${10 + i}:${50_000 + i}`, B: '203.0.113.80:443' },
    })),
  ).bytes;
}
