/**
 * `npm run bench`: every benchmark against a production build and the sandbox, each printed
 * as a ratio to a baseline measured in the same run (these machines are shared and noisy).
 * `--build` rebuilds first; `--seconds N` sets the length of each throughput sample; `--drain-count N`
 * the registrations of each queue-drain row (1,200);
 * `--only pages|callbacks|queue|links|search|farpay|import` runs one group. With BENCH_DATABASE_URL set (a Postgres the bench may
 * fill), every group runs twice, on PGlite and on that Postgres, and both are printed.
 */
import { sandboxControl, type FenerumSettings } from '../sandbox/control-client';
import { benchPortalJs } from './client-js';
import { benchDatabases, ensureBuild, startHarness, type BenchDatabase, type Harness } from './harness';
import { benchLinksBurst } from './links-burst';
import { benchPortalPage } from './portal-page';
import { benchPortalThroughput } from './portal-throughput';
import { benchCallbacks } from './quickpay-callbacks';
import { benchQueueDrain } from './queue-drain';

type Result = { name: string; ratio: string; value: string; baseline: string };
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 5;
const DRAIN_LIMIT = 600;
/** The search group's Fenerum limit: ten times Fenerum's, so a full refresh of 10,000 accounts is measured in about a minute; its calls are printed at 60/min too. */
const SEARCH_LIMIT = 600;
/** `--drain-count N`: registrations per queue-drain row (1,200 by default: two minutes of a 600/min budget). */
const drainArg = process.argv.indexOf('--drain-count');
const drainCount = drainArg > 0 ? Number(process.argv[drainArg + 1]) : 2 * DRAIN_LIMIT;
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
const want = (group: string) => only === undefined || only === group;

async function settings(h: Awaited<ReturnType<typeof startHarness>>, body: FenerumSettings) {
  await sandboxControl(h.sandbox.urls).fenerum.settings(body);
}

await ensureBuild();
const results: Result[] = [];

const databases = benchDatabases();

/** Runs one group on a harness of its own per database, stopped whatever happens. */
async function group(name: string, env: Record<string, string>, fenerum: FenerumSettings, run: (h: Harness) => Promise<Result[]>) {
  if (!want(name)) return;
  for (const db of databases) await groupOn(db, env, fenerum, run);
}

async function groupOn(db: BenchDatabase, env: Record<string, string>, fenerum: FenerumSettings, run: (h: Harness) => Promise<Result[]>) {
  const h = await startHarness({ ...env, ...db.env });
  try {
    await settings(h, fenerum);
    const rows = await run(h);
    results.push(...rows.map((r) => (databases.length > 1 ? { ...r, name: `${r.name} [${db.label}]` } : r)));
  } finally {
    await h.stop();
  }
}

// Page and callback speed: Fenerum's limit lifted, so the page is measured, not the limiter.
await group('pages', { FENERUM_RATE_LIMIT_PER_MINUTE: '1000000' }, { rateLimit: { enabled: false } }, async (h) => [
  await benchPortalThroughput(h, seconds),
  await benchPortalPage(h, seconds),
  await benchPortalJs(h),
  ...(await (await import('./stripe-add-card')).benchStripeAddCard(h)),
]);

// A burst of QuickPay callbacks, each for a pending registration of our own (Fenerum's limit lifted too).
await group('callbacks', { FENERUM_RATE_LIMIT_PER_MINUTE: '1000000' }, { rateLimit: { enabled: false } }, (h) => benchCallbacks(h));

// The queue against Fenerum's limit, enforced on both sides (issue 25): on PGlite, on Postgres, and
// two instances on one Postgres sharing one budget. Each row starts its own sandbox and instances.
if (want('queue')) {
  const n = drainCount;
  results.push(await benchQueueDrain({ label: 'PGlite', instances: 1, limitPerMinute: DRAIN_LIMIT, n }));
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    results.push(await benchQueueDrain({ label: 'Postgres', databaseUrl: url, instances: 1, limitPerMinute: DRAIN_LIMIT, n }));
    results.push(await benchQueueDrain({ label: '2 instances, one Postgres', databaseUrl: url, instances: 2, limitPerMinute: DRAIN_LIMIT, n }));
  } else console.log('queue: BENCH_DATABASE_URL is not set, so the Postgres rows (one instance, two instances) are not run');
}

// Link issuing against Fenerum's real 60 a minute (issue 9): customers' pages during a burst of links.
await group('links', { FENERUM_RATE_LIMIT_PER_MINUTE: '60' }, { rateLimit: { enabled: true, perMinute: 60 } }, (h) => benchLinksBurst(h, 100));

// Staff search at size (issue 25): 10,000 accounts, the index's full refresh in the bulk lane, a search against a bare staff page.
await group('search', { FENERUM_RATE_LIMIT_PER_MINUTE: String(SEARCH_LIMIT) }, { rateLimit: { enabled: true, perMinute: SEARCH_LIMIT } }, async (h) =>
  (await import('./staff-search')).benchStaffSearch(h, SEARCH_LIMIT, seconds),
);

// Bringing existing cards over (issue 27): customers' /pay while an import drains at Fenerum's budget (600 a minute, the bulk lane's two thirds).
await group('import', { FENERUM_RATE_LIMIT_PER_MINUTE: '600' }, { rateLimit: { enabled: true, perMinute: 600 } }, async (h) =>
  (await import('./card-import')).benchCardImport(h),
);

// FarPay (issue 11): the CSV export and the payments page against a large data set.
await group('farpay', {}, {}, async (h) => (await import('./farpay')).benchFarpay(h, seconds));

console.log('\nbenchmark                                      ratio   value / baseline');
for (const r of results) console.log(`${r.name.padEnd(46)} ${r.ratio.padStart(6)}  ${r.value} / ${r.baseline}`);

// A row that measured nothing (no ratio, or none at all for a group asked for) is a failed bench, not a result.
const empty = results.filter((r) => !Number.isFinite(Number(r.ratio)));
if (empty.length > 0 || results.length === 0) {
  console.error(`\nmeasured nothing: ${empty.map((r) => r.name).join(', ') || 'no rows'}`);
  process.exitCode = 1;
}
