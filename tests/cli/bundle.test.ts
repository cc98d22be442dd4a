// The bundled CLI (lib/cli/build.mjs) holds only what the CLI runs: every start parses and runs
// the whole bundle, so its size is most of what `trace` adds to Node's own start. It was 840 KB
// when lib/quiz's barrel brought the app's zod schema along (40 ms of CPU per start).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const { BUNDLE, INPUTS } = createRequire(import.meta.url)(join(root, 'lib', 'cli', 'bundle-files.cjs')) as { BUNDLE: string; INPUTS: string };

describe('the CLI bundle', () => {
  execFileSync('node', [join(root, 'lib', 'cli', 'build.mjs')]);
  const text = readFileSync(BUNDLE, 'utf8');

  it('stays small: the engine, the capture reader, the quiz builder and the CLI', () => {
    expect(statSync(BUNDLE).size).toBeLessThan(250_000);
  });
  it('leaves out the packages the CLI never calls (zod) and the app pages\u2019 wording', () => {
    expect(text).not.toMatch(/ZodError/);
    // content/ui holds every page's words; `trace item` needs only the quiz prompts.
    expect(text).not.toContain('offlinePage');
  });
  it('names the project files it was built from, which the launcher checks for staleness', () => {
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as string[];
    expect(inputs).toContain('lib/cli/main.ts');
    expect(inputs).toContain('lib/engine/index.ts');
    expect(inputs.every((file) => !file.startsWith('node_modules/'))).toBe(true);
  });
});
