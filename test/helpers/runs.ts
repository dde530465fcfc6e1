/**
 * How many random cases a property test runs. `npm test` (and a targeted
 * `npx vitest run FILE`) runs the full count each test names; `npm run
 * test:unit` runs vitest with `--mode quick` (vitest.config.ts provides
 * `quickProperties`), where each property runs a fifth of its cases, at least
 * 10, from the same seed: fast feedback while editing, the full search before
 * a merge.
 */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** true under `npm run test:unit` (vitest --mode quick) */
    quickProperties: boolean;
  }
}

/** the share of the full run count a quick run keeps */
const QUICK_SHARE = 5;

/** the run count of a property test whose full count is `full` */
export function runs(full: number): number {
  return inject('quickProperties') === true ? Math.max(10, Math.ceil(full / QUICK_SHARE)) : full;
}
