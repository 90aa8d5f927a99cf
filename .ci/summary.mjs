// Prints "N passed, N failed" from vitest's JSON reports, summed: `summary.mjs STATUS FILE [STATUS FILE]…`
// (npm test's, then the browser suite's). A run that never reached its tests (type errors, a build
// failure, no browser) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (let i = 0; i + 1 < args.length; i += 2) {
  const [status, file] = [args[i], args[i + 1]];
  if (!existsSync(file)) {
    failed += status === '0' ? 0 : 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failedSuites = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  passed += report.numPassedTests;
  failed += report.numFailedTests + failedSuites;
}
console.log(`${passed} passed, ${failed} failed`);
