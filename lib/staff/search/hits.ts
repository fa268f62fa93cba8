import type { StaffRole } from '@/lib/auth/staff-roles';
import type { Payment } from '@/lib/domain/payments';
import type { SearchKind } from './query-shape';

/**
 * One thing a search found, with the page it opens and whether the text was its exact id (an
 * exact id, alone, jumps straight to its page).
 */
export type SearchHit =
  | { kind: 'account'; href: string; exact: boolean; code: string; name: string; emails: string[] }
  | { kind: 'card'; href: string; exact: boolean; uuid: string; brand: string; last4: string; active: boolean; accountCode: string; accountName: string }
  | { kind: 'payment'; href: string; exact: true; payment: Payment }
  | { kind: 'invoice'; href: string; exact: true; invoiceId: number; payments: number; more: boolean }
  | { kind: 'payment-intent'; href: string; exact: true; id: string; accountCode: string };

/** A kind's answer: its hits (cut at a limit: `truncated`), or its provider did not answer. */
export type SearchGroup = { kind: SearchKind; hits: SearchHit[]; truncated: boolean } | { kind: SearchKind; unavailable: true };

/**
 * The role each kind's page needs (its `staffPage(role, …)`): a hit links only where the user may
 * go, so a result never leads to "you may not open this". Keep in step with the pages.
 */
export const PAGE_ROLE: Record<SearchKind, StaffRole> = {
  account: 'viewer',
  card: 'viewer',
  payment: 'viewer',
  invoice: 'viewer',
  'payment-intent': 'viewer',
};

export const accountHref = (code: string) => `/staff/accounts/${encodeURIComponent(code)}`;
export const cardHref = (code: string, uuid: string) => `${accountHref(code)}/cards/${encodeURIComponent(uuid)}`;
export const paymentHref = (id: number) => `/staff/payments/${id}`;
export const invoiceHref = (invoiceId: number) => `/staff/payments?mode=lookup&invoice=${invoiceId}`;
