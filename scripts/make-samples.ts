// Writes public/samples/*.pcap (npx tsx scripts/make-samples.ts). tests/capture/samples.test.ts
// checks the committed files are exactly what this writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_CAPTURES, sampleCapture } from './samples';

for (const id of Object.keys(SAMPLE_CAPTURES)) {
  const file = join(import.meta.dirname, '..', 'public', 'samples', `${id}.pcap`);
  writeFileSync(file, sampleCapture(id));
  console.log(file);
}
