#!/usr/bin/env node
// Launcher for the `verify` command: the CLI itself is compiled to dist/ by
// `npm run build` (also run by `npm install` through `prepare`).
import { main } from '../dist/cli/main.js';

// exitCode, not process.exit(): let Node flush a large report to a pipe first.
process.exitCode = await main(process.argv.slice(2));
