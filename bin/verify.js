#!/usr/bin/env node
// Launcher for the `verify` command. `npm run build` (also run by `npm ci`
// and `npm install` through `prepare`) compiles src/ to dist/, bundles the
// CLI into dist/verify.cjs (one script loads far faster than the hundreds
// of modules of its dependencies) and makes its V8 code cache
// (bin/load-cli.cjs; README, "Startup").
import { createRequire } from 'node:module';

const { loadCli } = createRequire(import.meta.url)('./load-cli.cjs');

// exitCode, not process.exit(): let Node flush a large report to a pipe first.
process.exitCode = await loadCli().main(process.argv.slice(2));
