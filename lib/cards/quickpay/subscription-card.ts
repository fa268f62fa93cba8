import { brandName } from '@/lib/cards/brand';
import type { CardSummary } from '@/lib/domain/cards';
import { QP_APPROVED, type QuickpaySubscription } from '@/lib/quickpay/wire';

/** True when QuickPay has saved the card: accepted, active, and its last authorisation approved. */
export function isSavedCard(sub: QuickpaySubscription): boolean {
  const last = sub.operations.filter((o) => o.type === 'authorize').at(-1);
  return sub.type === 'Subscription' && sub.accepted && sub.state === 'active' && last?.qp_status_code === QP_APPROVED && !last.pending;
}

/** The failed attempt's reason, for the customer; null when nothing failed. */
export function lastFailure(sub: QuickpaySubscription): string | null {
  const last = sub.operations.filter((o) => o.type === 'authorize').at(-1);
  if (!last || last.qp_status_code === QP_APPROVED || last.pending) return null;
  return last.aq_status_msg ?? last.qp_status_msg ?? 'The card was not approved';
}

export function cardOf(sub: QuickpaySubscription): CardSummary | null {
  const m = sub.metadata;
  if (!m?.last4 || !m.exp_month || !m.exp_year) return null;
  return { brand: brandName(m.brand), last4: m.last4, expMonth: m.exp_month, expYear: m.exp_year < 100 ? 2000 + m.exp_year : m.exp_year };
}
