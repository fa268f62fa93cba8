import { isRefused } from '@/lib/domain/outcomes';
import { searchAccounts, type SearchDeps } from '@/lib/staff/accounts/search-accounts';
import { accountHref, type SearchGroup } from './hits';

/** Letters and digits (and - _ .), at least one of each: how account codes look (CUST001), unlike names and ids. */
const CODE_LIKE = /^(?=.*\d)(?=.*[a-z])[a-z0-9._-]+$/i;

/**
 * Accounts by code, name or a recipient's email: the accounts search (Fenerum's lists, cached a
 * minute). A code made in the last minute (not in the cached list yet) is asked of Fenerum
 * directly only for text shaped like a code (letters with digits, no spaces: CUST001), so a name,
 * an email or an id costs no call of its own.
 */
export async function findAccounts(deps: SearchDeps, text: string): Promise<SearchGroup> {
  const found = await searchAccounts(deps, text, { lookUpCode: CODE_LIKE.test(text) });
  if (isRefused(found)) return { kind: 'account', hits: [], truncated: false };
  const exact = text.toLowerCase();
  return {
    kind: 'account',
    truncated: found.truncated,
    hits: found.accounts.map((a) => ({
      kind: 'account',
      href: accountHref(a.code),
      exact: a.code.toLowerCase() === exact,
      code: a.code,
      name: a.name,
      emails: a.emails,
    })),
  };
}
