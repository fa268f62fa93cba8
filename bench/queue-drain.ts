import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { sandboxControl } from '../sandbox/control-client';
import { benchAppPorts, customerCookie, startApp, startSandboxProcess, viewerCookie } from './harness';

type Result = { name: string; ratio: string; value: string; baseline: string };
type App = Awaited<ReturnType<typeof startApp>>;
type Subscription = { id: number; variables?: { account?: string } };

export type DrainOptions = {
  /** How the row is named: "PGlite", "Postgres", "2 instances, Postgres". */
  label: string;
  /** The Postgres every instance shares; none: PGlite in a directory of its own (one instance). */
  databaseUrl?: string;
  instances: 1 | 2;
  /** FENERUM_RATE_LIMIT_PER_MINUTE of each instance, and the emulator's limit (SANDBOX's rateLimit). */
  limitPerMinute: number;
  /** Registrations, each from an account of its own. */
  n: number;
};

const WINDOW_MS = 60_000;
const CONCURRENCY = 25;

/** Runs `task` over `items`, `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, task: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await task(items[i] as T, i);
      }
    }),
  );
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/** Our own records: when each of these accounts' registrations was marked registered (ms), after the instances stopped. */
async function registeredTimes(opts: DrainOptions, pgliteDir: string | undefined, codes: string[]): Promise<number[]> {
  const query = `select extract(epoch from updated_at) * 1000 as t from registrations where status = 'registered' and account_code = any($1::text[])`;
  if (opts.databaseUrl) {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: opts.databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ t: string }>(query, [codes])).rows.map((r) => Number(r.t));
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(pgliteDir ?? '');
  try {
    return (await db.query<{ t: number }>(query, [codes])).rows.map((r) => Number(r.t));
  } finally {
    await db.close();
  }
}

/** The shared budget's row is the setup's (run with the limit lifted): the drain starts on an empty one. */
async function forgetSetupBudget(url: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('delete from rate_limiter_state');
  } finally {
    await client.end();
  }
}

/**
 * The registration queue's drain against the deployment's Fenerum budget (issue 25): `n`
 * customers, each an account of its own (setups are capped per account), each with a QuickPay
 * window opened through the app, made while the limit is lifted; then the instances restart at
 * the limit (the emulator enforcing it too, counting 429s), every window is authorized at once,
 * and the queue drains while a staff member opens account pages. Measured from our own records
 * (the registrations table, read after the instances stop: how many, first to last, the busiest
 * rolling minute of registrations) and the emulator's counts: the ratio is the busiest rolling
 * minute of Fenerum calls (a registration costs more than one: the card, its security notice's
 * reads) over the limit, so 1.0 is the whole budget; "never above" is the emulator's 429 count
 * (it answers 429 to any call over the limit in a rolling minute), which must stay 0.
 */
export async function benchQueueDrain(opts: DrainOptions): Promise<Result> {
  const { n, limitPerMinute, instances } = opts;
  const ports = benchAppPorts.slice(0, instances);
  const pgliteDir = opts.databaseUrl ? undefined : await mkdtemp(path.join(os.tmpdir(), 'bench-drain-'));
  const dbEnv: Record<string, string> = opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : { DATABASE_URL: '', PGLITE_DIR: pgliteDir ?? '' };
  const sandbox = await startSandboxProcess(`http://localhost:${ports[0]}`);
  const control = sandboxControl(sandbox.urls);
  let apps: App[] = [];
  const startApps = async (limit: number) =>
    (apps = await Promise.all(ports.map((p) => startApp(p, { ...dbEnv, FENERUM_RATE_LIMIT_PER_MINUTE: String(limit) }))));
  const stopApps = async () => void (await Promise.all(apps.splice(0).map((a) => a.stop())));
  try {
    // The setup: accounts, sessions and QuickPay windows, with Fenerum's limit lifted on both sides.
    await control.fenerum.settings({ rateLimit: { enabled: false } });
    await startApps(1_000_000);
    const codes: string[] = [];
    await pool(
      Array.from({ length: n }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const app = apps[i % apps.length] as App;
        const { code } = await control.fenerum.createAccount();
        const cookie = await customerCookie(app.url, code);
        const res = await fetch(`${app.url}/api/create-quickpay-link`, { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin' } });
        if (!res.ok) throw new Error(`create-quickpay-link: ${res.status} ${await res.text()}`);
        codes.push(code);
      },
    );
    const ours = new Set(codes);
    const auth = `Basic ${Buffer.from(`:${sandboxSecrets.QUICKPAY_API_KEY}`).toString('base64')}`;
    const windows: number[] = [];
    for (let page = 1; windows.length < n; page++) {
      const res = await fetch(`${sandbox.urls.quickpay}/subscriptions?page_size=100&page=${page}`, {
        headers: { authorization: auth, 'accept-version': 'v10' },
      });
      const rows = (await res.json()) as Subscription[];
      if (rows.length === 0) break;
      windows.push(...rows.filter((s) => ours.has(s.variables?.account ?? '')).map((s) => s.id));
    }
    await stopApps();

    // The drain: the instances at the limit, the emulator enforcing it.
    if (opts.databaseUrl) await forgetSetupBudget(opts.databaseUrl);
    await startApps(limitPerMinute);
    const staffCookie = await viewerCookie(apps[0]?.url ?? '');
    await control.fenerum.settings({ rateLimit: { enabled: true, perMinute: limitPerMinute } });
    const before = await control.fenerum.stats();
    // The emulator's counts, sampled each second: the calls it let through, for the busiest rolling minute.
    const samples: Array<{ at: number; answered: number }> = [];
    const created = async () => {
      const now = await control.fenerum.stats();
      samples.push({ at: Date.now(), answered: now.total - now.throttled });
      return (now.byStatus['201'] ?? 0) - (before.byStatus['201'] ?? 0);
    };
    await created();

    // A staff member opens account pages throughout (each instance in turn), one a second.
    const staff: Array<{ ms: number; ok: boolean }> = [];
    let draining = true;
    const staffLoop = (async () => {
      for (let k = 0; draining; k++) {
        const app = apps[k % apps.length] as App;
        const start = performance.now();
        const res = await fetch(`${app.url}/staff/accounts/${encodeURIComponent(codes[k % codes.length] ?? '')}`, { headers: { cookie: staffCookie } });
        await res.text();
        staff.push({ ms: performance.now() - start, ok: res.status === 200 });
        await new Promise((r) => setTimeout(r, 1_000));
      }
    })();
    await pool(windows, 50, (id) => control.quickpay.authorize(id, { card: '1000000000000008' }).then(() => undefined));
    const until = Date.now() + (n / limitPerMinute + 3) * WINDOW_MS;
    while ((await created()) < windows.length && Date.now() < until) await new Promise((r) => setTimeout(r, 1_000));
    draining = false;
    await staffLoop;
    const after = await control.fenerum.stats();
    await stopApps();

    const times = (await registeredTimes(opts, pgliteDir, codes)).sort((a, b) => a - b);
    const first = times[0] ?? 0;
    const span = (times.at(-1) ?? first) - first;
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[i] ?? 0) - (times[j] ?? 0) >= WINDOW_MS) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    const throttled = after.throttled - before.throttled;
    const calls = after.total - before.total - throttled;
    // The busiest rolling minute of Fenerum calls, as the emulator counted them (sampled each second): the
    // drain keeps the budget full when it is near the limit, and never above it (the emulator's 429s would say).
    let perMinute = 0;
    for (let i = 0, j = 0; i < samples.length; i++) {
      while ((samples[i]?.at ?? 0) - (samples[j]?.at ?? 0) > WINDOW_MS) j++;
      perMinute = Math.max(perMinute, (samples[i]?.answered ?? 0) - (samples[j]?.answered ?? 0));
    }
    const staffMs = staff.map((s) => s.ms);
    return {
      name: `queue drain, ${opts.label} (${n})`,
      baseline: `limit ${limitPerMinute}/min`,
      value:
        `${times.length}/${n} registered in ${(span / 1000).toFixed(0)} s (busiest rolling minute ${busiest}); ` +
        `${calls} Fenerum calls, busiest rolling minute ${perMinute}, ${throttled} × 429; ` +
        `staff pages ${staff.filter((s) => s.ok).length}/${staff.length} answered, p50 ${pct(staffMs, 50).toFixed(0)} ms, p99 ${pct(staffMs, 99).toFixed(0)} ms`,
      // Nothing registered is a row that measured nothing: n/a, which makes the bench exit 1 (run.ts).
      ratio: times.length === 0 ? 'n/a' : (perMinute / limitPerMinute).toFixed(3),
    };
  } finally {
    await stopApps();
    await sandbox.stop();
    if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
  }
}
