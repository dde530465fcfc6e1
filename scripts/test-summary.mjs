// Prints the test run's counts as one plain line, "tests: N passed, N failed, N skipped",
// read from vitest's JSON report (test-output/vitest.json), so CI logs end with a
// line that any reader understands. Exits 1 if the report is missing or counts a failure.
import { readFileSync } from 'node:fs';

const path = 'test-output/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (err) {
  console.error(`test-summary: cannot read ${path}: ${err.message}`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
