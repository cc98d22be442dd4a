// Bundles the `trace` CLI (lib/cli/main.ts and what it imports) with esbuild into one plain
// CommonJS file that `node` runs without a TypeScript loader: startup is then Node's own, not
// npm + tsx compiling the engine on every call. Whitespace and syntax are minified (less to
// parse at each start); names are kept, so a stack trace still reads. Run by `npm ci` (the
// prepare script) and by launch.cjs on first use or when a source is newer than the bundle.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import files from './bundle-files.cjs';

const { BUNDLE, INPUTS, OUT_DIR, ROOT: root } = files;

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
    format: 'cjs',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
  });
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(Object.keys(result.metafile.inputs)));
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  renameSync(tmp, BUNDLE);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
