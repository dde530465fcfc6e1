#!/usr/bin/env node
// Launcher for the `verify` command. `npm run build` (also run by `npm ci`
// and `npm install` through `prepare`) compiles src/ to dist/, bundles the
// CLI into dist/verify.cjs (one script loads far faster than the hundreds
// of modules of its dependencies) and makes its V8 code cache
// (bin/load-cli.cjs; README, "Startup"). A CommonJS script (bin/package.json
// says so): as an ES module, Node would first start its ESM loader, a few
// milliseconds of every cold start.
'use strict';
const { loadCli } = require('./load-cli.cjs');

// exitCode, not process.exit(): let Node flush a large report to a pipe first.
loadCli()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
