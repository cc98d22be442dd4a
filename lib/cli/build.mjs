// Bundles the `trace` CLI (lib/cli/main.ts and what it imports) with esbuild into one plain
// CommonJS file that `node` runs without a TypeScript loader: startup is then Node's own, not
// npm + tsx compiling the engine on every call. Whitespace and syntax are minified (less to
// parse at each start); names are kept, so a stack trace still reads. Run by `npm ci` (the
// prepare script) and by launch.cjs on first use or when a source is newer than the bundle.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import files from './bundle-files.cjs';

const { BUNDLE, INPUTS, OUT_DIR, ROOT: root } = files;

/**
 * The project's own modules only declare things (the engine and quiz layers are pure), so esbuild
 * may drop one the CLI uses nothing of. Without this it keeps every module a barrel re-exports in
 * case its top level matters: lib/quiz's zod response schema (the app's, not the CLI's) was 580 KB
 * of an 840 KB bundle and a third of each start. Packages keep their own `sideEffects` say.
 */
const projectModulesArePure = {
  name: 'project-modules-are-pure',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === projectModulesArePure) return undefined;
      const { pluginData: _, path, ...options } = args;
      const resolved = await build.resolve(path, { ...options, pluginData: projectModulesArePure });
      if (resolved.errors.length > 0 || resolved.path.includes('/node_modules/')) return resolved;
      return { ...resolved, sideEffects: false };
    });
  },
};

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
    plugins: [projectModulesArePure],
  });
  // The launcher checks these at every start, so only the project's own: a package changes only
  // through npm ci/install, which run the prepare script and so rebuild anyway.
  const sources = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(sources));
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  renameSync(tmp, BUNDLE);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
