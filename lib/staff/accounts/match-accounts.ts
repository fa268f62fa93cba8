import type { Account } from '@/lib/domain/accounts';

/** An account as search sees it: with its recipients' email addresses (Fenerum keeps addresses there). */
export type SearchableAccount = Account & { emails: string[] };

/** Lower case without accents: "Älvsborg" is found by "alvsborg". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** How well an account answers the query: 0 is best; null is no match. */
function rank(account: SearchableAccount, q: string): number | null {
  const code = foldText(account.code);
  if (code === q) return 0;
  if (code.startsWith(q)) return 1;
  const emails = account.emails.map(foldText);
  if (emails.includes(q)) return 2;
  const name = foldText(account.name);
  if (name.startsWith(q)) return 3;
  if (code.includes(q) || name.includes(q) || emails.some((e) => e.includes(q))) return 4;
  return null;
}

/** The accounts whose code, name or a recipient's email holds the query: best matches first, then by name. */
export function matchAccounts<A extends SearchableAccount>(accounts: readonly A[], query: string, limit: number): A[] {
  const q = foldText(query);
  if (!q) return [];
  return accounts
    .map((account) => ({ account, r: rank(account, q) }))
    .filter((m): m is { account: A; r: number } => m.r !== null)
    .sort((a, b) => a.r - b.r || a.account.name.localeCompare(b.account.name) || a.account.code.localeCompare(b.account.code))
    .slice(0, limit)
    .map((m) => m.account);
}
