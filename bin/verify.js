#!/usr/bin/env node
// Launcher for the `verify` command. `npm run build` (also run by `npm ci`
// and `npm install` through `prepare`) compiles src/ to dist/ and bundles the
// CLI into dist/verify.mjs: one module loads far faster than the hundreds of
// its dependencies (README, "Startup").
import { main } from '../dist/verify.mjs';

// exitCode, not process.exit(): let Node flush a large report to a pipe first.
process.exitCode = await main(process.argv.slice(2));
