import { appendFileSync } from 'node:fs';

/**
 * One line per test run for `npm test`'s closing summary (scripts/test.ts): how many tests passed,
 * failed, were skipped, and which passed only on a retry (flaky). Both runners' reporters write it
 * to TEST_SUMMARY_FILE when that is set, and print the flaky ones themselves either way.
 */
export type RunSummary = { passed: number; failed: number; skipped: number; flaky: string[] };

export function reportRun(summary: RunSummary): void {
  for (const title of summary.flaky) console.log(`⚠ flaky (passed only on its retry): ${title}`);
  const file = process.env.TEST_SUMMARY_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(summary)}\n`);
}
