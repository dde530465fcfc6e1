// The V8 code cache of the bundled command (dist/verify.cache, read by
// bin/load-cli.cjs): compiles dist/verify.cjs afresh, runs it once on the
// seed derivation as a user would (the report discarded), and saves the
// bytecode of every function that run compiled. Run by `npm run build`
// after scripts/bundle.mjs. A cache of another Node version or other V8
// flags is ignored by V8 at load time, never trusted.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const { makeCache } = createRequire(import.meta.url)('../bin/load-cli.cjs');

const SEED = 'derivations/sigmoid-belief-net.yaml';
const write = process.stdout.write.bind(process.stdout);
const bytes = await makeCache(async (main) => {
  // the training run's report is not wanted: stdout is silenced while it runs
  process.stdout.write = () => true;
  try {
    // without the derivations (a checkout that lacks them) the cache holds the start-up only
    await main(existsSync(SEED) ? [SEED] : ['--version']);
  } finally {
    process.stdout.write = write;
  }
});
process.exitCode = 0;
if (process.env.DERIVCHECK_DEBUG === '1') process.stderr.write(`code cache: ${bytes} bytes\n`);
