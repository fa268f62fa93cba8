import path from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';
import { failureLine, reportRun, type RunSummary } from './run-summary';

/** Counts vitest's results for `npm test`'s summary: a test that needed its retry is flaky, named and counted. */
export default class SummaryReporter implements Reporter {
  private summary: RunSummary = { passed: 0, failed: 0, skipped: 0, flaky: [], failures: [] };

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const title = `${path.relative(process.cwd(), testCase.module.moduleId)} › ${testCase.fullName}`;
    if (result.state === 'passed') this.summary.passed++;
    else if (result.state === 'failed') {
      this.summary.failed++;
      this.summary.failures.push(failureLine(title, result.errors?.[0]?.message));
    } else this.summary.skipped++;
    // With the error its first try failed on (vitest keeps it on a retried test that passed): a flake that says why.
    if (result.state === 'passed' && testCase.diagnostic()?.flaky) this.summary.flaky.push(failureLine(title, result.errors?.[0]?.message));
  }

  onTestRunEnd(): void {
    reportRun(this.summary);
  }
}
