import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests that are not unit tests, by what makes them slow or dependent on
 * more than the sources: each group is a vitest project of its own. Every
 * other test file is a unit test (`npm run test:unit`: projects `unit` and
 * `unit-mocks`); `npm test` runs every project. A pattern names one test file or
 * every test file under a folder
 * (test/test-projects.test.ts checks that each names something and that the
 * projects share no file).
 */
export const NOT_UNIT: Readonly<Record<string, readonly string[]>> = {
  // the built CLI as a user runs it (a child process on dist/), npm pack, every shipped derivation end to end
  'end-to-end': [
    'test/adversarial/**/*.test.ts',
    // why: esbuild bundles the browser entry, in a service process of its own
    'test/api/browser-entry.test.ts',
    'test/api/package.test.ts',
    'test/cli/code-cache.test.ts',
    'test/cli/config.test.ts',
    'test/cli/end-to-end.test.ts',
    'test/cli/parallel.test.ts',
    'test/derivations.test.ts',
    'test/derivation-library.test.ts',
    // why: makes a FIFO with mkfifo (a child process) to show that reading one is refused, not a hang
    'test/derivation/read-file-special.test.ts',
    // why: checks every shipped derivation for false `by` warnings, as test/derivations.test.ts checks their verdicts
    'test/explain/by-warnings-shipped.test.ts',
    // why: validates the JSON report of every shipped derivation against docs/report.schema.json
    'test/report/schema.test.ts',
    // why: the soundness corpus runs some cases through bin/verify.js (hang guards) and uses mathjs as its oracle
    'test/soundness/**/*.test.ts',
    // why: runs the mutation tool over shipped derivations (a smoke run of npm run mutants)
    'test/mutants/mutants.test.ts',
  ],
  // a headless Chromium renders the HTML report
  browser: ['test/browser/**/*.test.ts'],
  // the external corpora (../shared/corpora/) and other libraries (mathjs, nerdamer) as oracles
  corpora: ['test/conformance/**/*.test.ts', 'test/oracles/**/*.test.ts'],
  // thousands of random and mutated inputs per target
  fuzz: ['test/fuzz/**/*.test.ts'],
  // why: whole precision ladders to 400 digits (underflow near sigma(2500)): about 9 s, more than all other numeric tests
  // why: the evaluator at its bounds (MAX_WORK_PER_COMPARE, exponents up to 2^64, diff nested 6 deep, MAX_SAMPLES): about a second each
  slow: [
    'test/numeric/certify-underflow.test.ts',
    // why: every function against 320-digit truth at points using every digit of 20, 50 and 100 (2 to 9 s)
    'test/numeric/enclosure-edges.test.ts',
    'test/numeric/compare-bounds.test.ts',
    'test/numeric/limits.test.ts',
  ],
};

/**
 * Unit tests that replace modules (vi.mock, vi.doMock, vi.resetModules): they
 * run isolated, each file with its own modules (project `unit-mocks`).
 */
export const MOCKING: readonly string[] = [
  'test/cli/internal-error.test.ts',
  'test/numeric/oracles.test.ts',
  'test/explain/by-rule-order.test.ts',
];

const TESTS = ['test/**/*.test.ts'];

export default defineConfig({
  test: {
    // why: `npm run test:unit` runs vitest.quick.config.ts, which provides true: property tests run a fifth of
    // their cases there (test/helpers/runs.ts); `npm test` and a targeted run keep the full count
    provide: { quickProperties: false },
    // why: the suite runs on 2 shared cores; a property test that takes 2 s alone can take 10 s under load.
    // These limits only stop a hung test: no verdict here depends on the clock (speed is measured in bench/).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // why: the unit files share one module graph per worker, so mathjs, yaml and the checker load once per
          // worker, not once per file (user CPU 64 s -> 24 s); test/test-projects.test.ts keeps mocks out of it
          isolate: false,
          include: TESTS,
          exclude: [...configDefaults.exclude, ...Object.values(NOT_UNIT).flat(), ...MOCKING],
        },
      },
      { extends: true, test: { name: 'unit-mocks', include: [...MOCKING] } },
      ...Object.entries(NOT_UNIT).map(([name, include]) => ({
        extends: true as const,
        test: { name, include: [...include] },
      })),
    ],
  },
});
