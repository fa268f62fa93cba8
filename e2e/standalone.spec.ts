import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { prepareStandalone } from '../scripts/standalone';
import { E2E } from './support/ports';

/**
 * The image's server (Dockerfile): `node .next/standalone/server.js` of this build, made runnable
 * by the same script the Dockerfile runs, starts, serves pages with their static files and public/,
 * migrates its database, says it is ready, and stops on SIGTERM.
 */
const PORT = E2E.standalone.appPort;
const url = `http://localhost:${PORT}`;

test.describe.configure({ mode: 'serial' });

test('node .next/standalone/server.js starts, serves a page with its static files and public/, is ready, and stops on SIGTERM', async ({ page }) => {
  test.setTimeout(120_000);
  const server = path.resolve(await prepareStandalone());
  const child: ChildProcess = spawn(process.execPath, [server], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      APP_URL: url,
      SANDBOX_PORT: String(E2E.sandboxPort),
      PGLITE_DIR: 'memory://',
      SHUTDOWN_GRACE_SECONDS: '2',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await expect.poll(async () => (await fetch(`${url}/api/health/ready`).catch(() => null))?.status, { timeout: 90_000, intervals: [250] }).toBe(200);
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);

    // A page, its scripts and styles (from .next/static) and a file of public/.
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/_next/static/') && r.status() !== 200) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${url}/staff/login`);
    await expect(page.getByRole('button', { name: /sign in/i })).toBeVisible();
    const assets = await page.evaluate(() =>
      [...document.querySelectorAll('script[src], link[rel=stylesheet]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? ''),
    );
    expect(assets.filter((a) => a.startsWith('/_next/static/')).length).toBeGreaterThan(0);
    expect(failed).toEqual([]);
    const publicFile = await fetch(`${url}/robots.txt`);
    expect(publicFile.status).toBe(200);

    const stopAt = Date.now();
    child.kill('SIGTERM');
    await exited;
    expect(Date.now() - stopAt).toBeLessThan(10_000);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
