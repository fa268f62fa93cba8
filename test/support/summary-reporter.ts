import path from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';
import { reportRun, type RunSummary } from './run-summary';

/** Counts vitest's results for `npm test`'s summary: a test that needed its retry is flaky, named and counted. */
export default class SummaryReporter implements Reporter {
  private summary: RunSummary = { passed: 0, failed: 0, skipped: 0, flaky: [] };

  onTestCaseResult(testCase: TestCase): void {
    const state = testCase.result().state;
    if (state === 'passed') this.summary.passed++;
    else if (state === 'failed') this.summary.failed++;
    else this.summary.skipped++;
    if (state === 'passed' && testCase.diagnostic()?.flaky)
      this.summary.flaky.push(`${path.relative(process.cwd(), testCase.module.moduleId)} › ${testCase.fullName}`);
  }

  onTestRunEnd(): void {
    reportRun(this.summary);
  }
}
