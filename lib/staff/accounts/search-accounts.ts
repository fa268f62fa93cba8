import type { PortalCache } from '@/lib/cards/portal';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient, Recipient } from '@/lib/fenerum/types';
import type { Account } from '@/lib/domain/accounts';
import { matchAccounts, type SearchableAccount } from './match-accounts';
import { isPlausibleCode, STAFF_READ, type StaffCache } from './staff-reads';

const MAX_QUERY_LENGTH = 100;
const MAX_RESULTS = 50;

export type SearchDeps = {
  fenerum: Pick<FenerumClient, 'getAccount' | 'listAccounts' | 'listAllRecipients'>;
  portalCache: Pick<PortalCache, 'accounts'>;
  staffCache: StaffCache;
};
export type SearchResult = { accounts: SearchableAccount[]; truncated: boolean };

/**
 * Accounts by code, name or a recipient's email. Fenerum documents no search filter, and keeps
 * email addresses on recipients, not accounts: the account list and the recipient list are each
 * read whole (pages of 100) and kept for a minute, so a minute of searching costs one read of
 * each. An exact code the cached list does not have yet (an account made a moment ago) is
 * looked up by code as well (one Fenerum call for a query no listed code equals), unless the
 * caller says the text is no code (`lookUpCode: false`).
 */
export async function searchAccounts(deps: SearchDeps, query: string, opts: { lookUpCode?: boolean } = {}): Promise<SearchResult | Refused> {
  const q = query.trim();
  if (q.length > MAX_QUERY_LENGTH) return refused('invalid-input', 'searchTooLong', { max: String(MAX_QUERY_LENGTH) });
  if (!q) return { accounts: [], truncated: false };
  const [all, recipients] = await Promise.all([
    deps.staffCache.accountList.get('all', () => deps.fenerum.listAccounts(STAFF_READ)),
    deps.staffCache.recipientList.get('all', () => deps.fenerum.listAllRecipients(STAFF_READ)),
  ]);
  const emailsOf = recipientEmails(recipients);
  const found = matchAccounts(
    all.map((a) => withEmails(a, emailsOf)),
    q,
    MAX_RESULTS + 1,
  );
  // An address is searched among the recipients only: looking it up as a code would spend a call on a 404.
  if (opts.lookUpCode !== false && !found.some((a) => a.code === q) && isPlausibleCode(q) && !q.includes('@')) {
    const exact = await lookUpCode(deps, q);
    if (exact) found.unshift(withEmails(exact, emailsOf));
  }
  return { accounts: found.slice(0, MAX_RESULTS), truncated: found.length > MAX_RESULTS };
}

/** Recipients' addresses by the account they name (a recipient names it by uuid or by code: unconfirmed which). */
function recipientEmails(recipients: readonly Recipient[]): Map<string, string[]> {
  const byAccount = new Map<string, string[]>();
  for (const r of recipients) {
    const key = r.account.toLowerCase();
    byAccount.set(key, [...(byAccount.get(key) ?? []), r.email]);
  }
  return byAccount;
}

function withEmails(account: Account, emailsOf: Map<string, string[]>): SearchableAccount {
  const emails = [...(emailsOf.get(account.uuid.toLowerCase()) ?? []), ...(emailsOf.get(account.code.toLowerCase()) ?? [])];
  return { ...account, emails: [...new Set(emails)] };
}

async function lookUpCode(deps: SearchDeps, code: string): Promise<Account | null> {
  try {
    return await cachedAccount(deps.portalCache.accounts, deps.fenerum, code, STAFF_READ);
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return null;
    throw err;
  }
}
