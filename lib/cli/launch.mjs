// `npm run trace` runs this: the bundled CLI (see build.mjs), rebuilt first when it is missing
// or any file it was built from has changed since, so an edited engine is never run stale.
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUNDLE, INPUTS, buildCli } from './build.mjs';

const root = new URL('../../', import.meta.url);

function isFresh() {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (!isFresh()) await buildCli();
await import(pathToFileURL(BUNDLE).href);
