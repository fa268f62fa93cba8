import type { PortalCache } from '@/lib/cards/portal';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { Account, FenerumClient } from '@/lib/fenerum/types';
import { matchAccounts } from './match-accounts';
import { isPlausibleCode, STAFF_READ, type StaffCache } from './staff-reads';

export const MAX_QUERY_LENGTH = 100;
export const MAX_RESULTS = 50;

export type SearchDeps = {
  fenerum: Pick<FenerumClient, 'getAccount' | 'listAccounts'>;
  portalCache: Pick<PortalCache, 'accounts'>;
  staffCache: StaffCache;
};
export type SearchResult = { accounts: Account[]; truncated: boolean };

/**
 * Accounts by code, name or email. Fenerum documents no search filter on its account list, so
 * the list is read whole (pages of 100) and kept for a minute; an exact code the cached list
 * does not have yet (an account made a moment ago) is looked up by code as well.
 */
export async function searchAccounts(deps: SearchDeps, query: string): Promise<SearchResult | Refused> {
  const q = query.trim();
  if (q.length > MAX_QUERY_LENGTH) return refused('invalid-input', `Search for at most ${MAX_QUERY_LENGTH} characters`);
  if (!q) return { accounts: [], truncated: false };
  const all = await deps.staffCache.accountList.get('all', () => deps.fenerum.listAccounts(STAFF_READ));
  const found = matchAccounts(all, q, MAX_RESULTS + 1);
  if (!found.some((a) => a.code === q) && isPlausibleCode(q)) {
    const exact = await lookUpCode(deps, q);
    if (exact) found.unshift(exact);
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
