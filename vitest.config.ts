import { defineConfig } from 'vitest/config';
import path from 'node:path';

// In CI a test that fails is tried once more and reported as flaky, as Playwright does there.
const retry = process.env.CI ? 1 : 0;
const alias = { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts') };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          retry,
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
