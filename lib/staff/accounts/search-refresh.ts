import { isFenerumError } from '@/lib/fenerum/errors';
import { indexSize, readIndexState } from './account-index';
import { REFRESH_SETTINGS, refreshChanged, refreshTick, type RefreshDeps } from './index-refresh';
import { STAFF_READ, type StaffCache } from './staff-reads';
import { log } from '@/lib/log';

export type SearchRefreshDeps = RefreshDeps & { staffCache: Pick<StaffCache, 'missRefresh'> };

/** A search that missed starts at most one refresh in this long (a person typing misses costs Fenerum little). */
const MISS_GAP_MS = 2_000;
/** Recipients a search that missed reads one by one (the newest changed accounts first): it looks for an address too. */
const MISS_RECIPIENTS = 5;
/** How long the first search on an empty index waits for the first refresh. */
const FIRST_FILL_MS = 8_000;

/** Databases whose index was seen filled: a search then asks no count. */
const filled = new WeakSet<object>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The index refreshed for a search that missed (an account made or renamed a moment ago): what
 * changed since the watermark (`last_modified_date__gte`, one call when nothing did) and the
 * recipients of up to five of the changed accounts, in the interactive lane (a person waits).
 * Searches that miss while one is due share it; a new one starts at most every 2 s, after the one
 * running. Answers whether it ran; Fenerum busy or down is no failure of the search (it answers
 * from the index), only logged.
 */
export function refreshOnMiss(deps: SearchRefreshDeps): Promise<boolean> {
  const m = deps.staffCache.missRefresh;
  if (m.next) return m.next;
  const next = (async () => {
    await m.running?.catch(() => undefined);
    const wait = m.lastStart + MISS_GAP_MS - Date.now();
    if (wait > 0) await sleep(wait);
    m.next = null; // a miss from now on needs a refresh that starts after it
    m.lastStart = Date.now();
    const run = refreshChanged(deps, STAFF_READ, { recipients: MISS_RECIPIENTS });
    m.running = run;
    try {
      return (await run) !== null;
    } catch (err) {
      if (!isFenerumError(err)) throw err;
      log.warn({ err: err.message }, 'account index: the refresh after a missed search failed');
      return false;
    } finally {
      if (m.running === run) m.running = null;
    }
  })();
  m.next = next;
  return next;
}

/**
 * The first search on a database whose index is empty waits (up to 8 s) for the first refresh:
 * it runs one itself, or waits for the instance that holds the lease. Later searches answer at
 * once from whatever the index holds while the background refresh (account-index-worker.ts) fills it.
 */
export async function ensureIndexed(deps: RefreshDeps, holder: string): Promise<void> {
  if (filled.has(deps.db)) return;
  if ((await indexSize(deps.db)) > 0) {
    filled.add(deps.db); // an index never empties again once filled
    return;
  }
  const until = Date.now() + FIRST_FILL_MS;
  while (Date.now() < until) {
    const state = await readIndexState(deps.db);
    if (state?.fullCompletedAt) return;
    try {
      const ran = await refreshTick(deps, holder, { ...REFRESH_SETTINGS, tickBudgetMs: Math.max(0, until - Date.now()) });
      if (ran && !ran.paused && (await readIndexState(deps.db))?.fullCompletedAt) return;
    } catch (err) {
      if (!isFenerumError(err)) throw err;
      return; // Fenerum down: the search answers from the (empty) index; the worker tries again
    }
    await sleep(250);
  }
}
