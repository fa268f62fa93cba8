import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/support/ports';
import { appServer, sandboxServer } from './e2e/support/servers';

/**
 * End-to-end tests against the production build (`next start`) and the sandbox, both
 * started here on ports of their own, in Debian's Chromium. Every test makes its own data
 * (e2e/support/test.ts), so a run needs no reset: with E2E_REUSE=1 an app and a sandbox
 * already running there are used as they are (`npx tsx e2e/support/servers.ts` starts both).
 *
 * Tests tagged `@load` (a burst, timings in seconds) are the load-sensitive ones: `npm test` runs
 * them after the rest, alone (`--grep @load --workers 1`); `npx playwright test` runs everything.
 */
const CI = !!process.env.CI;
/**
 * Most of an end-to-end test is waiting (on the app, the emulators' timers, the browser): with
 * two workers a 2-core machine was idle 60% of the run, with four (on a machine shared with other
 * builds) tests ran out of time. Three; E2E_WORKERS changes it.
 */
const workers = Number(process.env.E2E_WORKERS ?? 3);
const reuse = !CI && process.env.E2E_REUSE === '1';
// --disable-gpu: headless Chromium has no GPU here and emulates one in software; without it the
// same 32 portal and Stripe tests took 11% less CPU (44 s instead of 50 s) and ran faster.
const chromiumArgs = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--disable-gpu'];

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: CI,
  // Tests, not files, are dealt to the workers: a long file no longer keeps one worker busy while
  // the others have finished (a file whose tests share an app of its own is `mode: 'serial'`).
  fullyParallel: true,
  // In CI a failed test is tried once more: one that then passes is reported flaky, by name, and
  // counted in `npm test`'s summary (e2e/support/summary-reporter.ts), never passed over silently.
  retries: CI ? 1 : 0,
  workers,
  reporter: [...(CI ? ([['list'], ['html', { open: 'never' }]] as const) : ([['list']] as const)), ['./e2e/support/summary-reporter.ts']],
  // A hang guard. In CI, 60 s: on a slow day (every step of a clean run took 1.4-2x its usual CPU,
  // the e2e step 2,250 CPU-s against ~1,000) five journeys ran past 30 s, one on both tries.
  timeout: CI ? 60_000 : 30_000,
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: E2E.appUrl,
    // Recorded for a failed test's retry only (CI: retries 1; locally `--trace on`). Recording every
    // test's trace to throw it away on a pass cost 12% of the e2e tests' CPU (24 tests: 117-118 s
    // against 101-105 s, two runs each) on a suite whose CPU decides how long `npm test` takes.
    trace: 'on-first-retry',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ },
  ],
  webServer: [sandboxServer, appServer].map((s) => ({
    command: s.command,
    env: s.env,
    url: s.url,
    reuseExistingServer: reuse,
    timeout: s === appServer ? 60_000 : 30_000,
  })),
});
