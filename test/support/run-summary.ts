import { appendFileSync } from 'node:fs';

/**
 * One line per test run for `npm test`'s closing summary (scripts/test.ts): how many tests passed,
 * failed, were skipped, which passed only on a retry (flaky, with the first line of the error its
 * first try failed on), and which failed with the first line of their error (so a CI log's tail names the failure, however long the step's own output). Both
 * runners' reporters write it to TEST_SUMMARY_FILE when that is set, and print the flaky ones
 * themselves either way.
 */
export type RunSummary = { passed: number; failed: number; skipped: number; flaky: string[]; failures: string[] };

/** A failed test's line in the summary: its title and its error's first line, cut to a readable length. */
export function failureLine(title: string, message: string | undefined): string {
  const first = (message ?? '').split('\n').find((l) => l.trim()) ?? 'no error message';
  const plain = first.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return `${title}: ${plain.length > 240 ? `${plain.slice(0, 239)}…` : plain}`;
}

export function reportRun(summary: RunSummary): void {
  for (const title of summary.flaky) console.log(`⚠ flaky (passed only on its retry): ${title}`);
  const file = process.env.TEST_SUMMARY_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(summary)}\n`);
}
