import type { Account } from '@/lib/fenerum/types';

/** Lower case without accents: "Älvsborg" is found by "alvsborg". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** How well an account answers the query: 0 is best; null is no match. */
function rank(account: Account, q: string): number | null {
  const code = foldText(account.code);
  if (code === q) return 0;
  if (code.startsWith(q)) return 1;
  const email = foldText(account.email ?? '');
  if (email === q) return 2;
  const name = foldText(account.name);
  if (name.startsWith(q)) return 3;
  if (code.includes(q) || name.includes(q) || email.includes(q)) return 4;
  return null;
}

/** The accounts whose code, name or email holds the query: best matches first, then by name. */
export function matchAccounts(accounts: readonly Account[], query: string, limit: number): Account[] {
  const q = foldText(query);
  if (!q) return [];
  return accounts
    .map((account) => ({ account, r: rank(account, q) }))
    .filter((m): m is { account: Account; r: number } => m.r !== null)
    .sort((a, b) => a.r - b.r || a.account.name.localeCompare(b.account.name) || a.account.code.localeCompare(b.account.code))
    .slice(0, limit)
    .map((m) => m.account);
}
