import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sandboxUrls, type Sandbox } from '../sandbox/server';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';

/** A production server of the current build and the sandbox, on ports of their own. */
export type Harness = { appUrl: string; sandbox: Sandbox; stop: () => Promise<void>; /** The app server's process, for memory samples. */ appPid?: number };

/** Where the app keeps its data in a run: the embedded PGlite (in memory), or a real Postgres. */
export type BenchDatabase = { label: string; env: Record<string, string> };

/** PGlite always; also the Postgres at BENCH_DATABASE_URL when it is set (issue 13: both, side by side). */
export function benchDatabases(): BenchDatabase[] {
  const dbs: BenchDatabase[] = [{ label: 'PGlite', env: { PGLITE_DIR: 'memory://', DATABASE_URL: '' } }];
  const url = process.env.BENCH_DATABASE_URL;
  if (url) dbs.push({ label: 'Postgres', env: { DATABASE_URL: url } });
  return dbs;
}

const BENCH_APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3200);
const BENCH_SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4400);

export async function ensureBuild(): Promise<void> {
  if (existsSync(`${process.env.NEXT_DIST_DIR ?? '.next'}/BUILD_ID`) && !process.argv.includes('--build')) return;
  console.log('building (next build)…');
  const r = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => r.on('exit', resolve));
  if (code !== 0) throw new Error('next build failed');
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

/** Stops a child process and waits until it has gone. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The sandbox in a process of its own, as `npm run sandbox` runs it: in the bench's process its
 * emulators (Fenerum answering the app's attempts after a burst) took turns with the load
 * generator, whose measured latencies then carried the emulators' work.
 */
export async function startSandboxProcess(appUrl: string, extraEnv: Record<string, string> = {}): Promise<Sandbox> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'sandbox/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SANDBOX_PORT: String(BENCH_SANDBOX_PORT), APP_URL: appUrl, SANDBOX_FAST: 'true', ...extraEnv },
  });
  const urls = sandboxUrls(BENCH_SANDBOX_PORT);
  await waitFor(`${urls.fenerum}/__sandbox/settings`);
  return { urls, stop: () => stopChild(child) };
}

/** The bench's app ports: the first instance's, and beside it a second's (two instances on one Postgres). */
export const benchAppPorts = [BENCH_APP_PORT, Number(process.env.BENCH_APP2_PORT ?? BENCH_APP_PORT + 1)] as const;

/** One app instance (a production server of the build) on `port`, against the bench's sandbox. */
export async function startApp(port: number, extraEnv: Record<string, string> = {}): Promise<{ url: string; pid?: number; stop: () => Promise<void> }> {
  const url = `http://localhost:${port}`;
  // BENCH_APP_NODE_ARGS: node flags for the app only (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where a row's time goes).
  const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const app: ChildProcess = spawn(process.execPath, [...nodeArgs, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // The bench stops its apps with SIGTERM between groups: 2 s to finish what is in flight, not a deployment's 20.
      SHUTDOWN_GRACE_SECONDS: '2',
      APP_URL: url,
      SANDBOX_PORT: String(BENCH_SANDBOX_PORT),
      PGLITE_DIR: 'memory://',
      ...extraEnv,
    },
  });
  await waitFor(`${url}/api/health`);
  return { url, pid: app.pid, stop: () => stopChild(app) };
}

export async function startHarness(extraEnv: Record<string, string> = {}): Promise<Harness> {
  const appUrl = `http://localhost:${BENCH_APP_PORT}`;
  const sandbox = await startSandboxProcess(appUrl);
  const app = await startApp(BENCH_APP_PORT, extraEnv);
  return {
    appUrl,
    sandbox,
    appPid: app.pid,
    stop: async () => {
      await app.stop();
      await sandbox.stop();
    },
  };
}

/** A viewer's staff session cookie, got by signing in through the real page (a viewer needs no TOTP). */
export async function viewerCookie(appUrl: string): Promise<string> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    await page.goto(`${appUrl}/staff/login`);
    await page.locator('input[name="email"]').fill('viewer@sandbox.test');
    await page.locator('input[name="password"]').fill('sandbox-staff-password');
    await page.locator('form.staff-form button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/staff');
    return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

/**
 * A link for one account, as the merchant's backend asks for it: a 503 (Fenerum's budget for
 * bulk callers spent by the row before) is asked again after its Retry-After, up to three times.
 */
async function issuedLinkUrl(appUrl: string, account: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${appUrl}/api/links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ account }),
    });
    const body = (await res.json()) as { url?: string; error?: string };
    if (res.status === 201 && body.url) return body.url;
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.status !== 503 || !(retryAfter > 0) || attempt === 3) throw new Error(`no link for ${account}: ${res.status} ${body.error ?? ''}`);
    await new Promise((r) => setTimeout(r, retryAfter * 1000));
  }
}

/** A customer session cookie for one account, got the way a customer gets one. */
export async function customerCookie(appUrl: string, account: string): Promise<string> {
  const url = await issuedLinkUrl(appUrl, account);
  // Opened as a person opens it (typed or from a mail app): a link fetched without Fetch Metadata asks first.
  const opened = await fetch(url.replace(/^https?:\/\/[^/]+/, appUrl), {
    redirect: 'manual',
    headers: { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-user': '?1' },
  });
  const cookie = opened.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** The middle value (the upper one of an even count); 0 for none. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? (value / baseline).toFixed(3) : 'n/a';
}
