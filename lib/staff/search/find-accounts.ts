import { isRefused } from '@/lib/domain/outcomes';
import { searchAccounts, type SearchDeps } from '@/lib/staff/accounts/search-accounts';
import { accountHref, type SearchGroup } from './hits';

/**
 * Accounts by code, name or a recipient's email: the accounts search (the account index in our
 * database; lib/staff/accounts/search-accounts.ts). Text shaped like a code (letters with digits,
 * no spaces: CUST001) that no indexed code equals is asked of Fenerum by code.
 */
export async function findAccounts(deps: SearchDeps, text: string): Promise<SearchGroup> {
  const found = await searchAccounts(deps, text);
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
