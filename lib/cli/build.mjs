// Bundles the `trace` CLI (lib/cli/main.ts and what it imports) with esbuild into one plain
// ES module that `node` runs without a TypeScript loader: startup is then Node's own, not
// npm + tsx compiling the engine on every call. Run by `npm ci` (the prepare script) and by
// launch.mjs on first use or when a source is newer than the bundle.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const OUT_DIR = `${root}node_modules/.cache/synack-trace`;
export const BUNDLE = `${OUT_DIR}/trace.mjs`;
/** The files the bundle was made from (relative to the project root), to tell when it is stale. */
export const INPUTS = `${OUT_DIR}/inputs.json`;

export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  // Unique temporary names, renamed into place: two first uses at once must not mix their output.
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['lib/cli/main.ts'],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
  });
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(Object.keys(result.metafile.inputs)));
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  renameSync(tmp, BUNDLE);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
