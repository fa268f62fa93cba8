import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { sandboxControl } from '../sandbox/control-client';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { AppProcess } from './support/app-process';
import { E2E } from './support/ports';
import { acknowledgedCallbacks, openQuickpayWindow, payQuickpayWindow, registeredCards } from './support/quickpay-windows';

/**
 * Deploys and crashes while customers save cards with QuickPay (issue 25). Each test has its own
 * app(s) and sandbox (E2E_SHUTDOWN_APP_PORT, E2E_SHUTDOWN_SANDBOX_PORT); on TEST_DATABASE_URL's
 * Postgres the SIGTERM test runs two instances on one queue, on PGlite one, started again.
 */
const { appPort: APP_PORT, sandboxPort: SANDBOX_PORT } = E2E.shutdown;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

function databaseFor(name: string): { env: Record<string, string>; cleanup: () => Promise<void> } {
  if (process.env.TEST_DATABASE_URL) return { env: { DATABASE_URL: process.env.TEST_DATABASE_URL }, cleanup: async () => undefined };
  // On disk: the app is stopped and started again on it.
  const dir = `.data/${name}-${Date.now()}`;
  return { env: { PGLITE_DIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const exitOf = (app: AppProcess, signal: NodeJS.Signals) => {
  const started = Date.now();
  return app.kill(signal).then(() => Date.now() - started);
};

test('SIGTERM during a burst of QuickPay callbacks: the instance stops within its grace, gives its leases back, and every acknowledged callback is registered once, at once @load', async () => {
  const N = 150;
  const GRACE_S = 2;
  const database = databaseFor('shutdown');
  const instances = process.env.TEST_DATABASE_URL ? 2 : 1;
  const sandbox: Sandbox = await startSandbox({ portBase: SANDBOX_PORT, appUrl: `http://localhost:${APP_PORT}`, fast: true });
  const control = sandboxControl(sandbox.urls);
  const apps = Array.from(
    { length: instances },
    (_, i) =>
      new AppProcess(APP_PORT + i, {
        SANDBOX_PORT: String(SANDBOX_PORT),
        // Slow enough that registrations wait in the limiter, holding leases, when SIGTERM comes.
        FENERUM_RATE_LIMIT_PER_MINUTE: String(1200 / instances),
        SHUTDOWN_GRACE_SECONDS: String(GRACE_S),
        ...database.env,
      }),
  );
  const [stopped] = apps as [AppProcess, ...AppProcess[]];
  try {
    await control.fenerum.settings({ rateLimit: { enabled: true, perMinute: 1200 } });
    // Callbacks the stopping instance no longer takes are retried (here in seconds, not QuickPay's hour).
    await control.quickpay.settings({ retrySchedule: 'fast' });
    for (const a of apps) await a.start();
    const accounts = await Promise.all(Array.from({ length: N }, () => control.fenerum.createAccount()));
    const windows: string[] = [];
    for (let i = 0; i < N; i += 25) {
      windows.push(...(await Promise.all(accounts.slice(i, i + 25).map((a, j) => openQuickpayWindow((apps[j % instances] ?? stopped).url, a.code)))));
    }

    let paid = 0;
    const payAll = (async () => {
      for (let i = 0; i < N; i += 25) {
        await Promise.all(windows.slice(i, i + 25).map((w) => payQuickpayWindow(w).then(() => void paid++)));
      }
    })();
    await expect.poll(() => paid, { timeout: 60_000, intervals: [50] }).toBeGreaterThan(N / 3);
    const termAt = Date.now();
    const stopMs = await exitOf(stopped, 'SIGTERM');
    // Its grace, plus closing the server and the database: never the lease's minute.
    expect(stopMs).toBeLessThan(GRACE_S * 1000 + 8_000);
    const ackedByThen = await acknowledgedCallbacks(control);
    // A deploy: the new version starts on the same port (on Postgres the other instance drained meanwhile).
    await stopped.start();
    await payAll;

    const ours = new Set(accounts.map((a) => a.uuid));
    await expect.poll(async () => (await registeredCards(control, ours)).length, { timeout: 120_000, intervals: [500] }).toBe(N);
    const doneMs = Date.now() - termAt;
    const cards = await registeredCards(control, ours);
    // Once each: no card twice, none on another account.
    expect(new Set(cards.map((c) => c.token)).size).toBe(N);
    expect(new Set(cards.map((c) => c.account)).size).toBe(N);
    // Everything acknowledged before the stop is among them.
    const tokens = new Set(cards.map((c) => c.token));
    expect([...ackedByThen].filter((id) => !tokens.has(id))).toEqual([]);
    // Leases given back are taken at once: all done well before a held lease (60 s) would have run out.
    expect(doneMs).toBeLessThan(50_000);
    const summary = `${instances} instance(s); stopped in ${stopMs} ms after SIGTERM; ${ackedByThen.size} callbacks acknowledged by then; all ${N} registered ${doneMs} ms after SIGTERM`;
    test.info().annotations.push({ type: 'shutdown', description: summary });
    console.log(summary);
  } finally {
    for (const a of apps) await a.kill('SIGKILL');
    await sandbox.stop();
    await database.cleanup();
  }
});

test('kill -9 within 50 ms of 15 QuickPay windows authorized (their callbacks in flight, QuickPay retrying only after an hour): after the restart the sweep registers all 15, none twice @load', async () => {
  const N = 15;
  const database = databaseFor('sweep');
  const sandbox: Sandbox = await startSandbox({ portBase: SANDBOX_PORT, appUrl: `http://localhost:${APP_PORT}`, fast: true });
  const control = sandboxControl(sandbox.urls);
  // The sweep's age and interval in seconds here (production: 2 minutes, every minute).
  const app = new AppProcess(APP_PORT, {
    SANDBOX_PORT: String(SANDBOX_PORT),
    FENERUM_RATE_LIMIT_PER_MINUTE: '600',
    CARD_SWEEP_AFTER_SECONDS: '3',
    CARD_SWEEP_INTERVAL_SECONDS: '2',
    ...database.env,
  });
  try {
    await control.quickpay.settings({ retrySchedule: 'real' });
    await app.start();
    const accounts = await Promise.all(Array.from({ length: N }, () => control.fenerum.createAccount()));
    const windows = await Promise.all(accounts.map((a) => openQuickpayWindow(app.url, a.code)));

    await Promise.all(windows.map(payQuickpayWindow));
    const authorizedAt = Date.now();
    // The signal goes at once (AppProcess.kill sends it before it waits for the exit).
    const killed = app.kill('SIGKILL');
    const killMs = Date.now() - authorizedAt;
    await killed;
    expect(killMs).toBeLessThan(50);
    const acked = (await acknowledgedCallbacks(control)).size;
    // Some callbacks were still in flight: those cards only the sweep can bring in within the hour.
    expect(acked).toBeLessThan(N);

    await app.start();
    const restartedAt = Date.now();
    const ours = new Set(accounts.map((a) => a.uuid));
    // 5 minutes in production terms; here the sweep runs every 2 s over windows 3 s old.
    await expect.poll(async () => (await registeredCards(control, ours)).length, { timeout: 60_000, intervals: [500] }).toBe(N);
    const doneMs = Date.now() - restartedAt;
    const cards = await registeredCards(control, ours);
    expect(new Set(cards.map((c) => c.token)).size).toBe(N);
    expect(new Set(cards.map((c) => c.account)).size).toBe(N);
    // QuickPay's log: no callback was retried within the test (its retry is an hour away).
    const attempts = await control.quickpay.callbacks();
    expect(attempts.filter((a) => a.attempt > 1)).toEqual([]);
    const summary = `killed ${killMs} ms after the last window was authorized; ${acked} of ${N} callbacks acknowledged before; all ${N} registered ${doneMs} ms after the restart`;
    test.info().annotations.push({ type: 'sweep', description: summary });
    console.log(summary);
  } finally {
    await app.kill('SIGKILL');
    await sandbox.stop();
    await database.cleanup();
  }
});
