import { brandName } from '@/lib/cards/brand';
import type { CardSummary } from '@/lib/domain/cards';
import { QP_APPROVED, type QuickpaySubscription } from '@/lib/quickpay/wire';

/** QuickPay's "waiting approval" and "3-D Secure is required": on the way, not failed. */
const QP_WAITING_APPROVAL = '20200';
const QP_3DS_REQUIRED = '30100';

export type SubscriptionCardState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'declined'; reason: string };

/**
 * Where the customer's card stands, as QuickPay's own plugins read it (PROVIDERS.md): saved when
 * the subscription is accepted and its last operation approved (20000); pending while that
 * operation waits (20200, a 3-D Secure step 30100, or no code yet); declined on any other code.
 * `state` is never read: its values are unconfirmed.
 */
export function subscriptionCardState(sub: QuickpaySubscription): SubscriptionCardState {
  const last = sub.operations.at(-1);
  if (!last || last.pending || last.qp_status_code === null) return { kind: 'pending' };
  const code = last.qp_status_code;
  if (code === QP_APPROVED) return sub.accepted ? { kind: 'saved' } : { kind: 'pending' };
  if (code === QP_WAITING_APPROVAL || code === QP_3DS_REQUIRED) return { kind: 'pending' };
  return { kind: 'declined', reason: last.aq_status_msg || last.qp_status_msg || 'The card was not approved' };
}

/** True when QuickPay has saved the card (see subscriptionCardState). */
export function isSavedCard(sub: QuickpaySubscription): boolean {
  return sub.type === 'Subscription' && subscriptionCardState(sub).kind === 'saved';
}

export function cardOf(sub: QuickpaySubscription): CardSummary | null {
  const m = sub.metadata;
  if (!m?.last4 || !m.exp_month || !m.exp_year) return null;
  return { brand: brandName(m.brand), last4: m.last4, expMonth: m.exp_month, expYear: m.exp_year < 100 ? 2000 + m.exp_year : m.exp_year };
}
