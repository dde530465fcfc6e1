/**
 * derivcheck in a browser (or any JavaScript without Node): check a
 * derivation's YAML text in memory, with the same verdicts as the `verify`
 * command. Nothing reachable from here imports Node's `fs`, `path` or
 * `worker_threads` (test/api/browser-entry.test.ts bundles it for the
 * browser to make sure); the playground's Web Worker runs it.
 *
 * @packageDocumentation
 */
export type { Counterexample, Diagnosis, FileResult, Premise, StepResult, StepStatus } from './verdict/result.js';
export { type VerifyOptions, verifyDerivation } from './api/verify.js';
