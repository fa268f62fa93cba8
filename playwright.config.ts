import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/fixtures/ports';
import { appServer, sandboxServer } from './e2e/support/servers';

/**
 * End-to-end tests against the production build (`next start`) and the sandbox, both
 * started here on ports of their own, in Debian's Chromium. Every test makes its own data
 * (e2e/fixtures/test.ts), so a run needs no reset: with E2E_REUSE=1 an app and a sandbox
 * already running there are used as they are (`npx tsx e2e/support/servers.ts` starts both).
 */
const CI = !!process.env.CI;
const reuse = !CI && process.env.E2E_REUSE === '1';
const chromiumArgs = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: E2E.appUrl,
    trace: 'retain-on-failure',
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
