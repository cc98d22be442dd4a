// Reads a capture file in a Web Worker, so a large one never blocks the page: the File is
// streamed through lib/capture's reader chunk by chunk (progress posted as it goes), then each
// connection is summarized with one replay by the engine. Nothing is sent anywhere else.
import { CaptureError, CaptureReader } from '@/lib/capture';
import { summarizeConnection } from '@/lib/capture/summary';
import type { ReadMessage, ReadRequest } from '@/lib/capture/messages';

const post = (message: ReadMessage) => (self as unknown as { postMessage(m: ReadMessage): void }).postMessage(message);

/** Progress is posted at most this often (bytes), so messages never outnumber the work. */
const PROGRESS_STEP = 256 * 1024;

/** The read the page wants now: an older one still streaming stops at its next chunk. */
let current = 0;

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const request = event.data;
  current = request.id;
  if ('cancel' in request) return;
  const { id, file, lang } = request;
  try {
    const reader = new CaptureReader();
    const chunks = file.stream().getReader();
    let reported = 0;
    for (;;) {
      const { done, value } = await chunks.read();
      if (done) break;
      if (id !== current) return void chunks.cancel();
      reader.push(value);
      if (reader.bytesRead - reported >= PROGRESS_STEP) {
        reported = reader.bytesRead;
        post({ id, type: 'progress', read: reported, total: file.size });
      }
    }
    const result = reader.end();
    post({ id, type: 'progress', read: file.size, total: file.size });
    const connections = result.traces.map((trace) => ({ trace, summary: summarizeConnection(trace, lang) }));
    post({ id, type: 'done', format: result.format, stats: result.stats, errors: result.errors, connections });
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e), reason: e instanceof CaptureError ? e.reason : null });
  }
};
