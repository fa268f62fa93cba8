import autocannon from 'autocannon';
import { sandboxControl } from '../sandbox/control-client';
import { viewerCookie } from './harness';
import { ratio, type Harness } from './harness';

/** Accounts in the emulator: a merchant of size (issue 25). */
const ACCOUNTS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Sample = { rps: number; mean: number; p99: number; non2xx: number };
async function sample(url: string, cookie: string, seconds: number): Promise<Sample> {
  const r = await autocannon({ url, connections: 4, duration: seconds, headers: { cookie } });
  return { rps: r.requests.average, mean: r.latency.mean, p99: r.latency.p99, non2xx: r.non2xx };
}

/**
 * Issue 25 item 2 with 10,000 accounts in the emulator, the app and the emulator at
 * `limitPerMinute`:
 * 1. The full refresh: the app's own background refresh indexes every account and recipient; the
 *    emulator's request count is read every second until a search finds the last account made
 *    (by its recipient's address, which only the full refresh's recipient pages carry). Printed:
 *    its calls, minutes, the most calls in any rolling minute against the bulk lane's share, and
 *    what those calls take at Fenerum's real 60 a minute (the bulk lane's 40).
 * 2. A search against a bare staff page: /staff/accounts?q=<a name> against /staff/accounts
 *    (the same page, layout and database read, no search), alternately, just after a background
 *    tick (one every 30 s), with the emulator's count read around each search sample: none may
 *    call Fenerum.
 */
export async function benchStaffSearch(h: Harness, limitPerMinute: number, seconds = 4) {
  const control = sandboxControl(h.sandbox.urls);
  const cookie = await viewerCookie(h.appUrl);
  const calls = async () => (await control.fenerum.stats()).total;
  const bulkShare = Math.floor((limitPerMinute * 2) / 3); // lib/fenerum/http.ts FENERUM_LANES: bulk 2/3

  const start = await calls();
  const started = Date.now();
  const made = await control.fenerum.generateAccounts(ACCOUNTS);
  const lastEmail = `${made.last.toLowerCase()}@generated.example`;
  const totals: Array<[number, number]> = [[started, start]];
  let indexedAt = 0;
  const page = (q: string) => fetch(`${h.appUrl}/staff/accounts?q=${encodeURIComponent(q)}`, { headers: { cookie } }).then((r) => r.text());
  for (let tick = 0; Date.now() - started < 10 * 60_000; tick++) {
    await sleep(1_000);
    totals.push([Date.now(), await calls()]);
    if (tick % 5 === 4 && (await page(lastEmail)).includes(made.last)) {
      indexedAt = Date.now();
      break;
    }
  }
  const spent = (totals.at(-1)?.[1] ?? start) - start;
  const minutes = (indexedAt - started) / 60_000;

  // Quiet first: a burst of 10,000 new accounts is more than an incremental refresh reads, so a
  // second full refresh may follow the first; then just after a background tick (its one call),
  // so none lands in the samples below.
  // Quiet: 40 s (more than a tick's 30) with at most two calls (a tick's incremental refresh each).
  for (let i = 0; i < 600; i++) {
    await sleep(1_000);
    totals.push([Date.now(), await calls()]);
    const ago = totals.filter(([t]) => t <= Date.now() - 40_000).at(-1);
    if (ago && (totals.at(-1)?.[1] ?? 0) - ago[1] <= 2) break;
  }
  const tickAt = await calls();
  for (let i = 0; i < 40 && (await calls()) === tickAt; i++) await sleep(1_000);
  await sleep(500);
  // The busiest rolling minute of the whole fill (the first full refresh, and any that followed it).
  let busiest = 0;
  for (const [at, total] of totals) {
    const before = totals.filter(([t]) => t <= at - 60_000).at(-1) ?? totals[0];
    busiest = Math.max(busiest, total - (before?.[1] ?? start));
  }
  const settled = (totals.at(-1)?.[1] ?? start) - start;
  const bareUrl = `${h.appUrl}/staff/accounts`;
  // The 43rd generated account's name (sandbox/fenerum/account-generator.ts): a LIKE over every row, one found.
  const wanted = `${made.prefix}-000043`;
  const searchUrl = `${h.appUrl}/staff/accounts?q=${encodeURIComponent(`Fjordkraft ${wanted}`)}`;
  await sample(bareUrl, cookie, 1);
  await sample(searchUrl, cookie, 1);
  const bare: Sample[] = [];
  const search: Sample[] = [];
  let searchCalls = 0;
  for (let round = 0; round < 2; round++) {
    bare.push(await sample(bareUrl, cookie, seconds));
    const before = await calls();
    search.push(await sample(searchUrl, cookie, seconds));
    searchCalls += (await calls()) - before;
  }
  const found = (await page(`Fjordkraft ${wanted}`)).includes(wanted);
  const avg = (xs: Sample[], k: 'mean' | 'rps') => xs.reduce((a, s) => a + s[k], 0) / xs.length;
  const errors = (xs: Sample[]) => xs.reduce((a, s) => a + s.non2xx, 0);
  const searches = Math.round(search.reduce((a, s) => a + s.rps * seconds, 0));
  return [
    {
      name: `staff search, ${ACCOUNTS} accounts, vs bare page`,
      baseline: `bare /staff/accounts mean ${avg(bare, 'mean').toFixed(1)} ms (${avg(bare, 'rps').toFixed(0)} req/s, ${errors(bare)} non-2xx)`,
      value: `search mean ${avg(search, 'mean').toFixed(1)} ms (${avg(search, 'rps').toFixed(0)} req/s, ${errors(search)} non-2xx, ${found ? 'found' : 'NOT FOUND'}); Fenerum calls during ~${searches} searches: ${searchCalls}`,
      // No ratio when the search found nothing or called Fenerum: the row then measured the wrong thing.
      ratio: found && searchCalls === 0 && errors(search) === 0 ? ratio(avg(search, 'mean'), avg(bare, 'mean')) : 'n/a',
    },
    {
      name: `  full refresh of ${ACCOUNTS} accounts (bulk lane)`,
      baseline: `bulk share ${bulkShare}/min of ${limitPerMinute}/min`,
      value: indexedAt
        ? `${spent} calls in ${minutes.toFixed(2)} min (${settled} until quiet), at most ${busiest} in a rolling minute; at Fenerum's 60/min (bulk 40/min): ${(spent / 40).toFixed(1)} min`
        : `not indexed within 10 min (${spent} calls)`,
      // The busiest rolling minute over the bulk lane's share (≤ 1 stays within it; search polls add a few interactive calls).
      ratio: indexedAt ? ratio(busiest, bulkShare) : 'n/a',
    },
  ];
}
