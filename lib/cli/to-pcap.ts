// `trace to-pcap FILE --out OUT.pcap`: a trace's segments written as a pcap file (Ethernet and
// IPv4, or IPv6 when the trace names IPv6 addresses) that Wireshark and from-pcap read back.
import { PcapWriteError, traceToPcap } from '../capture/index';
import { parseTrace, TraceFormatError, type Side } from '../engine/index';

export type WriteFile = (path: string, bytes: Uint8Array) => Promise<void>;

export async function toPcap(out: string, readTrace: () => Promise<string>, writeFile: WriteFile): Promise<{ written: string; packets: number }> {
  const text = await readTrace();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new TraceFormatError('$', `not JSON (${(e as Error).message})`);
  }
  const trace = parseTrace(data);
  const { bytes, packets } = traceToPcap(trace, addressesOf(data));
  await writeFile(out, bytes);
  return { written: out, packets };
}

/** The endpoints' `address` fields: the engine ignores them, so they are read from the raw JSON. */
function addressesOf(data: unknown): Partial<Record<Side, string>> {
  const endpoints = (data as { endpoints?: Record<string, { address?: unknown }> }).endpoints ?? {};
  const out: Partial<Record<Side, string>> = {};
  for (const side of ['A', 'B'] as const) {
    const address = endpoints[side]?.address;
    if (address === undefined) continue;
    if (typeof address !== 'string') throw new TraceFormatError(`$.endpoints.${side}.address`, 'expected "ip:port"');
    out[side] = address;
  }
  return out;
}

export { PcapWriteError };
