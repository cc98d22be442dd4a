// Where the bundled `trace` CLI lives (see build.mjs): shared by the build and the launcher.
'use strict';
const { join } = require('node:path');

exports.ROOT = join(__dirname, '..', '..');
exports.OUT_DIR = join(exports.ROOT, 'node_modules', '.cache', 'synack-trace');
exports.BUNDLE = join(exports.OUT_DIR, 'trace.cjs');
/** The files the bundle was made from (relative to the project root), to tell when it is stale. */
exports.INPUTS = join(exports.OUT_DIR, 'inputs.json');
