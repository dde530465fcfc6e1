// Preloaded into a `verify` run by bench/parallel.bench.mjs (node -r): the
// CPU time of each of the process's threads (the main thread, pool
// workers, V8's compiler and GC threads), read from Linux's
// /proc/self/task/*/stat every 20 ms (a thread that ends keeps its last
// reading) and printed on stderr at exit as `thread-times: [ms, ...]`.
// Not a benchmark itself (run.mjs runs only *.bench.mjs); prints nothing
// where /proc is missing.
'use strict';
const { existsSync, readdirSync, readFileSync, writeSync } = require('node:fs');

/** why 20 ms: often enough that a worker's last reading before it is terminated misses little of it */
const EVERY_MS = 20;
const TICK_MS = 10; // USER_HZ 100: /proc's times are in hundredths of a second

if (existsSync('/proc/self/task')) {
  const last = new Map();
  const read = () => {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        last.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
      } catch {
        // the thread ended between the listing and the read
      }
    }
  };
  setInterval(read, EVERY_MS).unref();
  process.on('exit', () => {
    read();
    const ms = [...last.values()].filter((x) => x > 0).sort((a, b) => b - a);
    writeSync(2, `thread-times: ${JSON.stringify(ms)}\n`);
  });
}
