import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { sandboxControl } from '../sandbox/control-client';
import { E2E } from './support/ports';

/**
 * `npm run smoke -- <url>` (scripts/smoke.ts) against the run's app, as a merchant's CI runs it
 * against a deployment: its own process and browser, only the app's HTTP surface. It keeps the
 * test ids it relies on (README "Smoke test a deployment") from changing unnoticed.
 */
function smoke(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/smoke.ts', ...args], { env: process.env });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

test('npm run smoke passes against a running portal in sandbox mode, and fails naming the step when a step fails', async () => {
  test.setTimeout(180_000);
  // An account of the test's own, not the demo account the smoke test would pick by itself.
  const account = await sandboxControl(E2E.sandboxPort).fenerum.createAccount();
  const passed = await smoke([E2E.appUrl, '--account', account.code, '--timeout', '45']);
  expect(passed.out).toContain('smoke test passed');
  expect(passed.code, passed.out).toBe(0);

  const refused = await smoke([E2E.appUrl, '--account', account.code, '--api-key', 'not-the-portal-api-key']);
  expect(refused.code).toBe(1);
  expect(refused.out).toMatch(/FAIL issue a customer link .*401/);
});
