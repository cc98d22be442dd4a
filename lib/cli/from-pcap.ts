// `trace from-pcap FILE`: a pcap/pcapng capture (a file, or - for standard input) read as a
// stream, printed as { "traces": [...] } with one trace per line, each as soon as its connection
// is over, so neither the capture nor the output is held whole. Damage after some packets is
// listed in "errors" (exit 0); a file with nothing readable is one line on stderr, exit 2.
import { CaptureError, CaptureReader } from '../capture/index';

export type OpenStream = (path: string) => AsyncIterable<Uint8Array>;

/** Streams the capture at `path` through the reader, writing the output document to `write`. */
export async function fromPcap(path: string, open: OpenStream, write: (text: string) => void): Promise<void> {
  let count = 0;
  const reader = new CaptureReader({
    onTrace: (trace) => {
      write(`${count === 0 ? '{"traces":[\n' : ',\n'}${JSON.stringify(trace)}`);
      count++;
    },
  });
  for await (const chunk of open(path)) reader.push(chunk);
  const result = reader.end();
  const tail = [`"stats":${JSON.stringify(result.stats)}`];
  if (result.errors.length > 0) tail.unshift(`"errors":${JSON.stringify(result.errors)}`);
  write(`${count === 0 ? '{"traces":[' : '\n'}],\n${tail.join(',\n')}}\n`);
}

export { CaptureError };
