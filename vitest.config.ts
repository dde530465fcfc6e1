import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // why: the suite runs on 2 shared cores; a property test that takes 2 s alone can take 10 s under load.
    // These limits only stop a hung test: no verdict here depends on the clock (speed is measured in bench/).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
