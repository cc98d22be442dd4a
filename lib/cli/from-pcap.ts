// `trace from-pcap FILE`: a pcap/pcapng capture (a file, or - for standard input) read as a
// stream, printed as { "traces": [...] } with one trace per line, each as soon as its connection
// is over, so neither the capture nor the output is held whole. Damage after some packets is
// listed in "errors" (exit 0); a file with nothing readable is one line on stderr, exit 2.
import { CaptureError, CaptureReader } from '../capture/index';
import type { Write } from './json-out';

export type OpenStream = (path: string) => AsyncIterable<Uint8Array>;

/**
 * Streams the capture at `path` through the reader, writing the output document to `write`.
 * The traces a chunk completes are written, and the write awaited, before the next chunk is
 * read: a slow reader of standard output (a pipe) holds the capture back instead of letting
 * the output pile up in memory.
 */
export async function fromPcap(path: string, open: OpenStream, write: Write): Promise<void> {
  let count = 0;
  let ready: string[] = [];
  const reader = new CaptureReader({
    onTrace: (trace) => {
      ready.push(`${count === 0 ? '{"traces":[\n' : ',\n'}${JSON.stringify(trace)}`);
      count++;
    },
  });
  const flush = async () => {
    if (ready.length === 0) return;
    const text = ready.join('');
    ready = [];
    await write(text);
  };
  for await (const chunk of open(path)) {
    reader.push(chunk);
    await flush();
  }
  const result = reader.end();
  await flush();
  const tail = [`"stats":${JSON.stringify(result.stats)}`];
  // The contract's error entries: the reason's code and numbers are for the page's wording.
  const errors = result.errors.map(({ packet, offset, message }) => ({ packet, offset, message }));
  if (errors.length > 0) tail.unshift(`"errors":${JSON.stringify(errors)}`);
  await write(`${count === 0 ? '{"traces":[' : '\n'}],\n${tail.join(',\n')}}\n`);
}

export { CaptureError };
