import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E } from './support/ports';

/**
 * A careless configuration is seen at once: `next start` of the build with an invalid variable
 * exits non-zero within seconds, naming the variable on stderr, instead of a process that
 * stays up answering 500 (a supervisor restarts or alerts on the exit).
 */
const PORT = E2E.badInput.appPort + 1;

function startWith(env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PGLITE_DIR: 'memory://', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => {
    // A process still up after 20 s has failed the test; it is ended so the run goes on.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stderr, ms: Date.now() - started });
    });
  });
}

// One after another in one worker: they start the build on the same port.
test.describe.configure({ mode: 'default', timeout: 60_000 });

for (const [variable, env] of [
  ['TRUST_PROXY_HOPS', { TRUST_PROXY_HOPS: '-1' }],
  ['FENERUM_RATE_LIMIT_PER_MINUTE', { FENERUM_RATE_LIMIT_PER_MINUTE: 'many' }],
  // A live key next to the sandbox's published link secret.
  ['LINK_SECRET', { FENERUM_API_TOKEN: 'live-token', QUICKPAY_API_KEY: 'live-key', QUICKPAY_PRIVATE_KEY: 'live-private' }],
  // Stripe live, Fenerum left unset: cards would go to the sandbox.
  [
    'FENERUM_API_TOKEN',
    {
      LINK_SECRET: 'l'.repeat(40),
      PORTAL_API_KEY: 'k'.repeat(20),
      APP_URL: 'https://portal.example.com',
      STRIPE_SECRET_KEY: 'sk_live_x',
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    },
  ],
] as const) {
  test(`an invalid ${variable}: next start exits non-zero within seconds, naming it`, async () => {
    const { code, stderr, ms } = await startWith(env);
    expect(code, stderr).not.toBe(0);
    expect(code, 'still running after 20 s').not.toBeNull();
    expect(stderr).toContain(variable);
    expect(ms).toBeLessThan(20_000);
  });
}
