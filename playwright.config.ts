import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/fixtures/ports';

/**
 * End-to-end tests against the production build (`next start`) and the sandbox, both
 * started here on ports of their own, in Debian's Chromium.
 */
const CI = !!process.env.CI;
const chromiumArgs = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const appEnv = {
  APP_URL: E2E.appUrl,
  SANDBOX_PORT: String(E2E.sandboxPort),
  PGLITE_DIR: '.data/e2e',
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  // The browser tests are about people, not Fenerum's 60/min (the burst test keeps a limit on).
  FENERUM_RATE_LIMIT_PER_MINUTE: '600',
};

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  use: {
    baseURL: E2E.appUrl,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ },
  ],
  webServer: [
    {
      command: 'npx tsx sandbox/main.ts',
      env: { SANDBOX_PORT: String(E2E.sandboxPort), APP_URL: E2E.appUrl, SANDBOX_FAST: 'true', SANDBOX_FENERUM_RATE_LIMIT: '600' },
      // Fenerum's API answers 401 without a token: that is up (Playwright counts 400–403 as ready).
      url: `${E2E.fenerumUrl}/api/v1/accounts/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // A fresh database every run.
      command: `rm -rf .data/e2e && npx next start -p ${E2E.appPort}`,
      env: appEnv,
      url: `${E2E.appUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
