import { defineConfig } from 'vitest/config';
import path from 'node:path';
import SummaryReporter from './test/support/summary-reporter';

// In CI a test that fails is tried once more, as Playwright does there: one that then passes is
// flaky, named at the end of the run and counted in `npm test`'s summary, never passed over silently.
const retry = process.env.CI ? 1 : 0;
const alias = { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts') };

export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          retry,
          // One module graph for all files, not one per file: the same 734 tests at a quarter of the
          // CPU (46 s -> 12 s). Unit tests are pure; none keeps state another file could see (they
          // pass with the files shuffled, --sequence.shuffle.files).
          isolate: false,
          include: ['{lib,sandbox,app,scripts}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.browser.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        // Tests that drive Debian's Chromium (playwright-core): slower, and need the browser.
        resolve: { alias },
        test: {
          name: 'browser',
          retry,
          include: ['{lib,sandbox,app,scripts}/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One Chromium at a time: CI has two cores.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          retry,
          include: ['{lib,sandbox,app,scripts,test}/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
