import { expect, test, type Browser } from '@playwright/test';
import { E2E } from './support/ports';
import { SANDBOX_STAFF_PASSWORD, submitPassword } from './support/staff';
import { AppProcess } from './support/app-process';

/**
 * Staff sessions end when idle and at their absolute limit, seen end to end on an app of this
 * spec's own with seconds in place of minutes and hours (SANDBOX_STAFF_SESSION_SECONDS, a test
 * setting the app refuses with live keys): 6 s idle, 12 s at most. The waits here are the
 * behaviour under test (a session left alone, a session at its limit), kept as short as the
 * setting allows; the limits' arithmetic is lib/auth/staff/session-times.test.ts's, on a fake clock.
 * @load: timed in seconds, so it runs with the machine to itself.
 */
const IDLE_S = 6;
const MAX_S = 12;
/** Between two visits of a session in use: the idle expiry moves on at most every IDLE_S / 2. */
const VISIT_MS = 500;
let app: AppProcess;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  // A cold `next start` on two busy cores can take longer than a test's 30 s.
  test.setTimeout(90_000);
  app = new AppProcess(E2E.badInput.appPort + 3, {
    SANDBOX_PORT: String(E2E.sandboxPort),
    PGLITE_DIR: 'memory://',
    SANDBOX_STAFF_SESSION_SECONDS: `${IDLE_S},${MAX_S}`,
  });
  await app.start();
});

test.afterAll(async () => {
  await app?.kill('SIGTERM');
});

/** Signs the seeded viewer in on this app; the session cookie and when it started. */
async function signIn(browser: Browser): Promise<{ cookie: string; at: number }> {
  const context = await browser.newContext({ baseURL: app.url });
  try {
    const page = await context.newPage();
    await submitPassword(page, 'viewer@sandbox.test', SANDBOX_STAFF_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/staff');
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    return { cookie, at: Date.now() };
  } finally {
    await context.close();
  }
}

/** Whether the console still takes the session: 200, or a redirect to sign in. */
async function signedIn(cookie: string): Promise<boolean> {
  const res = await fetch(new URL('/staff/accounts', app.url), { redirect: 'manual', headers: { cookie } });
  if (res.status === 200) return true;
  expect([302, 303, 307, 308]).toContain(res.status);
  expect(new URL(res.headers.get('location') ?? '', app.url).pathname).toBe('/staff/login');
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a session in use outlives its idle limit; left alone for longer than it, it is over @load', async ({ browser }) => {
  const { cookie, at } = await signIn(browser);
  // A visit every VISIT_MS for 1.5 idle limits: each moves the idle expiry on.
  while (Date.now() - at < IDLE_S * 1500) {
    expect(await signedIn(cookie), `${Math.round((Date.now() - at) / 1000)} s after signing in, in use`).toBe(true);
    await sleep(VISIT_MS);
  }
  // Left alone: no request at all (any would count as use) for longer than the idle limit.
  await sleep(IDLE_S * 1000 + 1500);
  expect(await signedIn(cookie)).toBe(false);
});

test('a session in use all along still ends at its absolute limit @load', async ({ browser }) => {
  const { cookie, at } = await signIn(browser);
  // In use until 1.5 s before the limit: the idle expiry (moved on every 3 s) is then past the moment checked below.
  while (Date.now() - at < (MAX_S - 1.5) * 1000) {
    expect(await signedIn(cookie), `${Math.round((Date.now() - at) / 1000)} s after signing in`).toBe(true);
    await sleep(VISIT_MS);
  }
  await sleep(Math.max(0, at + MAX_S * 1000 + 500 - Date.now()));
  expect(await signedIn(cookie)).toBe(false);
});
