import { defineConfig } from 'vitest/config';
import path from 'node:path';
import SummaryReporter from './test/support/summary-reporter';

// In CI a test that fails is tried once more, as Playwright does there: one that then passes is
// flaky, named at the end of the run and counted in `npm test`'s summary, never passed over silently.
const retry = process.env.CI ? 1 : 0;
const alias = { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts') };

/** What both integration projects share: the sandbox, the setup, time limits, one file at a time. */
const integration = {
  retry,
  include: ['{lib,sandbox,app,scripts,test}/**/*.int.test.ts'],
  environment: 'node' as const,
  globalSetup: ['test/global-setup.ts'],
  setupFiles: ['test/setup.ts'],
  // A guard against a hang, not a measure of speed: in CI this suite runs beside the end-to-end
  // tests at a lower priority, where fifty password checks once took longer than 30 s.
  testTimeout: process.env.CI ? 60_000 : 30_000,
  hookTimeout: 60_000,
  fileParallelism: false,
};

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
          include: ['{lib,sandbox,app,scripts,test}/**/*.test.ts'],
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
          ...integration,
          exclude: ['**/*.isolated.int.test.ts', 'node_modules/**'],
          // One module graph, one app context and one database for all files (as on Postgres, where
          // every file always shared one database): the import and start of the app once, not 50
          // times (PGlite run: 251 s of CPU to 74 s). Tests make their own data, so sharing is safe;
          // a file that must change the app's modules or its configuration is *.isolated.int.test.ts.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          // Files that mock a module (vi.mock) or set the app's configuration before it starts: each
          // gets a module graph of its own, after the shared ones (test/integration-files.test.ts
          // holds every other file to leaving both alone).
          name: 'integration-isolated',
          ...integration,
          include: ['{lib,sandbox,app,scripts,test}/**/*.isolated.int.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
