import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { failureLine, reportRun, type RunSummary } from '../../test/support/run-summary';

/** Counts Playwright's results for `npm test`'s summary: a test that needed its retry is flaky, named and counted. */
export default class SummaryReporter implements Reporter {
  private readonly tests = new Map<TestCase, TestResult>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.tests.set(test, result);
  }

  onEnd(): void {
    const summary: RunSummary = { passed: 0, failed: 0, skipped: 0, flaky: [], failures: [] };
    for (const [test, last] of this.tests) {
      const outcome = test.outcome();
      if (outcome === 'expected') summary.passed++;
      else if (outcome === 'flaky') {
        summary.passed++;
        // With the error its first try failed on: a flake that says why.
        summary.flaky.push(failureLine(test.titlePath().filter(Boolean).join(' › '), test.results[0]?.error?.message));
      } else if (outcome === 'skipped') summary.skipped++;
      else {
        summary.failed++;
        summary.failures.push(failureLine(test.titlePath().filter(Boolean).join(' › '), last.error?.message));
      }
    }
    reportRun(summary);
  }
}
