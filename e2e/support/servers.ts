import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { loggedCommand } from './app-logs';
import { E2E } from './ports';

/**
 * The sandbox and the app the end-to-end run talks to, as playwright.config.ts starts them.
 * Run this file (`npx tsx e2e/support/servers.ts`) to start both until Ctrl-C, then run
 * Playwright against them as often as you like with E2E_REUSE=1.
 */
export type ServerSpec = { name: string; command: string; env: Record<string, string>; url: string };

export const sandboxServer: ServerSpec = {
  name: 'sandbox',
  command: 'npx tsx sandbox/main.ts',
  env: { SANDBOX_PORT: String(E2E.sandboxPort), APP_URL: E2E.appUrl, SANDBOX_FAST: 'true', SANDBOX_FENERUM_RATE_LIMIT: '600' },
  // Fenerum's API answers 401 without a token: that is up (Playwright counts 400–403 as ready).
  url: `${E2E.fenerumUrl}/api/v1/accounts/`,
};

export const appServer: ServerSpec = {
  name: 'app',
  // Its log into a file for the run's teardown to read for secrets and card numbers (e2e/support/app-logs.ts).
  command: loggedCommand(`npx next start -p ${E2E.appPort}`),
  env: {
    APP_URL: E2E.appUrl,
    SANDBOX_PORT: String(E2E.sandboxPort),
    // In memory: each start is a fresh database, and a run leaves nothing on disk.
    PGLITE_DIR: 'memory://',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    // The browser tests are about people, not Fenerum's 60/min (the burst test keeps a limit on).
    FENERUM_RATE_LIMIT_PER_MINUTE: '600',
    // A FarPay refund left unanswered is `unknown` after 3 s (the timeout spec), not the default 15.
    FARPAY_TIMEOUT_MS: '3000',
    // The run's end stops it with SIGTERM: 2 s to finish what is in flight, not a deployment's 20.
    SHUTDOWN_GRACE_SECONDS: '2',
  },
  url: `${E2E.appUrl}/api/health`,
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const children = [sandboxServer, appServer].map((s) => {
    console.log(`${s.name}: ${s.command} (ready at ${s.url})`);
    return spawn(s.command, { shell: true, stdio: 'inherit', env: { ...process.env, ...s.env } });
  });
  const stop = () => children.forEach((c) => c.kill('SIGTERM'));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
