import { roleAllows, type StaffRole } from '@/lib/auth/staff-roles';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { isFarpayError } from '@/lib/farpay/errors';
import { isFenerumError } from '@/lib/fenerum/errors';
import { isStripeError } from '@/lib/stripe/errors';
import type { SearchDeps } from '@/lib/staff/accounts/search-accounts';
import { findAccounts } from './find-accounts';
import { findCards, type CardSearchDeps } from './find-cards';
import { findPaymentIntent, type IntentSearchDeps } from './find-payment-intent';
import { findInvoice, findPayment, type PaymentSearchDeps } from './find-payments';
import { PAGE_ROLE, type SearchGroup, type SearchHit } from './hits';
import { readSearchQuery, type SearchKind, type SearchQuery } from './query-shape';

export type StaffSearchDeps = SearchDeps & CardSearchDeps & PaymentSearchDeps & IntentSearchDeps;

/** What the search box leads to: straight to one page, or the results grouped by kind. */
export type SearchAnswer = { kind: 'jump'; href: string } | { kind: 'results'; query: SearchQuery; groups: SearchGroup[] };

/**
 * The console's one search box: the text's format says which kinds it can be (query-shape.ts),
 * and only those are asked, each from the provider that can answer (Fenerum's reads from the
 * staff cache). Bad text is refused before anything is asked. A kind whose provider does not
 * answer is shown as such, the others still found. An exact id that is the only thing found (or
 * the only one of its kind beside lesser matches of the same kind) jumps to its page. Kinds whose
 * page the role may not open are left out.
 */
export async function searchStaff(deps: StaffSearchDeps, raw: string, role: StaffRole): Promise<SearchAnswer | Refused> {
  const query = readSearchQuery(raw);
  if (isRefused(query)) return query;
  const kinds = query.kinds.filter((k) => roleAllows(role, PAGE_ROLE[k]));
  const groups = await Promise.all(kinds.map((kind) => findKind(deps, query, kind)));
  const jump = jumpOf(groups);
  return jump ? { kind: 'jump', href: jump.href } : { kind: 'results', query, groups };
}

function findKind(deps: StaffSearchDeps, query: SearchQuery, kind: SearchKind): Promise<SearchGroup> {
  const { text, shape } = query;
  const found = (() => {
    switch (kind) {
      case 'account':
        return findAccounts(deps, text);
      case 'card':
        return findCards(deps, text, shape === 'uuid' ? 'uuid' : 'last4');
      case 'payment':
        return findPayment(deps, Number(text));
      case 'invoice':
        return findInvoice(deps, Number(text));
      case 'payment-intent':
        return findPaymentIntent(deps, text);
    }
  })();
  return found.catch((err: unknown): SearchGroup => {
    if (isFenerumError(err) || isFarpayError(err) || isStripeError(err)) return { kind, unavailable: true };
    throw err;
  });
}

/** The one page an exact id leads to, when nothing of another kind was found beside it. */
export function jumpOf(groups: readonly SearchGroup[]): SearchHit | null {
  if (groups.some((g) => 'unavailable' in g)) return null;
  const hits = groups.flatMap((g) => ('hits' in g ? g.hits : []));
  const exact = hits.filter((h) => h.exact);
  const [only] = exact;
  if (exact.length !== 1 || !only) return null;
  return hits.every((h) => h.kind === only.kind) ? only : null;
}
