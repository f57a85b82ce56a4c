// Prints one plain closing line after jest's own summary: "Summary: N passed, N failed, N skipped".
// Jest's "Tests: N passed, N total" names no failures, so tools that read a run's last lines to learn
// whether tests ran (CI dashboards, our .ci/run) could not tell a green run from an empty one.
// With MAILLAGE_TEST_SUMMARY_FILE set, the counts are also appended there as one JSON line, so that
// .ci/run can add up its two runs (the suite, then the browser tests again).
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      brokenSuites: results.numRuntimeErrorTestSuites,
    };
    const broken = counts.brokenSuites > 0 ? ` (${counts.brokenSuites} test files could not run)` : '';
    process.stderr.write(`Summary: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${broken}\n`);
    const file = process.env.MAILLAGE_TEST_SUMMARY_FILE;
    if (file) fs.appendFileSync(file, JSON.stringify(counts) + '\n');
  }
}

module.exports = SummaryReporter;
