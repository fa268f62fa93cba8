import type { PortalCache } from '@/lib/cards/portal';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient } from '@/lib/fenerum/types';
import type { Account } from '@/lib/domain/accounts';
import { findIndexed, upsertAccounts } from './account-index';
import { PROCESS_HOLDER, type RefreshDeps } from './index-refresh';
import { matchAccounts, type SearchableAccount } from './match-accounts';
import { ensureIndexed, refreshOnMiss } from './search-refresh';
import { isPlausibleCode, STAFF_READ, type StaffCache } from './staff-reads';

const MAX_QUERY_LENGTH = 100;
const MAX_RESULTS = 50;
/** Rows the index's LIKE hands to the ranking (exact and prefix codes first): far more than a page shows. */
const CANDIDATES = 1_000;
/** Letters and digits (and - _ .), at least one of each: how account codes look (CUST001), unlike names and addresses. */
const CODE_LIKE = /^(?=.*\d)(?=.*[a-z])[a-z0-9._-]+$/i;

export type SearchDeps = RefreshDeps & {
  fenerum: RefreshDeps['fenerum'] & Pick<FenerumClient, 'getAccount'>;
  portalCache: Pick<PortalCache, 'accounts'>;
  staffCache: Pick<StaffCache, 'missRefresh'>;
};
export type SearchResult = { accounts: SearchableAccount[]; truncated: boolean };

/**
 * Accounts by code, name or a recipient's email, from the account index in our database
 * (account-index.ts): a search that finds something costs Fenerum nothing. One that finds
 * nothing has the index refreshed with what changed in Fenerum since (an account made or renamed
 * a moment ago; a call or a few, at most one refresh per 2 s: search-refresh.ts) and is asked
 * again (not for digits alone: mostly FarPay ids and last fours). Text shaped like a code (letters with digits: CUST001) that no indexed code equals is
 * asked of Fenerum by code (`lookUpCode`, default: by that shape), found accounts indexed at once.
 */
export async function searchAccounts(deps: SearchDeps, query: string, opts: { lookUpCode?: boolean } = {}): Promise<SearchResult | Refused> {
  const q = query.trim();
  if (q.length > MAX_QUERY_LENGTH) return refused('invalid-input', 'searchTooLong', { max: String(MAX_QUERY_LENGTH) });
  if (!q) return { accounts: [], truncated: false };
  await ensureIndexed(deps, PROCESS_HOLDER);
  const search = async () => matchAccounts(await findIndexed(deps.db, q, CANDIDATES), q, MAX_RESULTS + 1);
  const codeLike = (opts.lookUpCode ?? CODE_LIKE.test(q)) && isPlausibleCode(q) && !q.includes('@');
  // Digits alone are mostly FarPay ids and last fours searched in the same box: a miss on them refreshes nothing.
  const mayRefresh = !/^\d+$/.test(q);
  let found = await search();
  if (found.length === 0 && !codeLike && mayRefresh && (await refreshOnMiss(deps))) found = await search();
  if (codeLike && !found.some((a) => a.code === q)) {
    const exact = await lookUpCode(deps, q);
    if (exact) {
      // Indexed now (its recipients read by the next refresh), so the next search finds it with no call.
      await upsertAccounts(deps.db, [exact], new Date(), { mode: 'reread', readBefore: new Date() });
      found.unshift({ ...exact, emails: [] });
    } else if (found.length === 0 && mayRefresh && (await refreshOnMiss(deps))) found = await search();
  }
  return { accounts: found.slice(0, MAX_RESULTS), truncated: found.length > MAX_RESULTS };
}

async function lookUpCode(deps: SearchDeps, code: string): Promise<Account | null> {
  try {
    return await cachedAccount(deps.portalCache.accounts, deps.fenerum, code, STAFF_READ);
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return null;
    throw err;
  }
}
