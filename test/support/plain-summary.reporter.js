/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI can read. Before it, each test file
 * whose tests were all skipped is named with its top-level titles (e.g. a suite that needs a server the run lacks),
 * so that a skip is never silent.
 */
const path = require('path');

class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    for (const file of results.testResults) {
      const tests = file.testResults;
      if (tests.length === 0 || !tests.every((test) => test.status === 'pending' || test.status === 'todo')) continue;
      const titles = [...new Set(tests.map((test) => test.ancestorTitles[0] ?? test.title))];
      const where = path.relative(process.cwd(), file.testFilePath);
      process.stdout.write(`\nSkipped whole: ${titles.join('; ')} — ${tests.length} tests in ${where}`);
    }
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stdout.write(
      `\nTests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}
module.exports = PlainSummaryReporter;
