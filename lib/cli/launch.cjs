// `npm run trace` runs this: the bundled CLI (see build.mjs), rebuilt first when it is missing
// or any file it was built from has changed since, so an edited engine is never run stale.
// CommonJS, like the bundle, because Node starts a CommonJS file sooner than an ES module:
// startup is most of a short command's time (npm run --silent trace -- scenarios).
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { BUNDLE, INPUTS, ROOT } = require('./bundle-files.cjs');

function isFresh() {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
    return inputs.every((file) => statSync(join(ROOT, file)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (isFresh()) require(BUNDLE);
else {
  import('./build.mjs')
    .then(({ buildCli }) => buildCli())
    .then(
      () => require(BUNDLE),
      (e) => {
        process.stderr.write(`trace: cannot build the CLI: ${String(e.message).split('\n')[0]}\n`);
        process.exitCode = 2;
      },
    );
}
