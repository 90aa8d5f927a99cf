// Prints "N passed, N failed" from vitest's JSON report; a run that never reached the tests
// (type errors, build failure) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [file, status] = process.argv.slice(2);
if (!existsSync(file)) {
  console.log(`0 passed, ${status === '0' ? 0 : 1} failed`);
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failedSuites = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests + failedSuites} failed`);
}
