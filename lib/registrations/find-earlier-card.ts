import type { PaymentCard } from '@/lib/domain/cards';
import type { Registration } from './store';

export type FindEarlierCardDeps = {
  fenerum: { listPaymentCards(account: { code: string; uuid: string }): Promise<PaymentCard[]> };
  /** True when a registration of ours already holds this Fenerum card uuid. */
  alreadyRegistered: (fenerumCardUuid: string) => Promise<boolean>;
};

type Wanted = Pick<Registration, 'accountCode' | 'accountUuid' | 'gateway' | 'cardLast4' | 'cardExpMonth' | 'cardExpYear'>;

/**
 * The card an earlier, uncertain attempt may have created (Fenerum has no idempotency key).
 * Only documented fields are used, never a token (no documented card carries one): an active
 * card of the same gateway, last four and expiry, on this account, that no registration of
 * ours holds. A card without an expiry (SEPA) is 0/0 on both sides.
 *
 * Among several such cards the LAST listed is taken: Fenerum lists oldest first (as DRF lists
 * and our emulator do; the order is not documented), so that is the newest, the one our
 * uncertain attempt most likely made. An identical older card that we never registered (added
 * in Fenerum directly, or before the portal) is then not taken by mistake, as long as ours
 * exists; when ours was not made after all, that older card is adopted and no new one made.
 *
 * Residual risk: if the same account adds two identical cards (same gateway, last four and
 * expiry) through two registrations whose attempts were both uncertain in the same window,
 * each adopts one of the two cards, not necessarily the one its own attempt created. Both
 * cards are the customer's and each is registered once, so nothing is lost or shown to
 * another account; only the pairing of registration ↔ Fenerum card (and so which gateway
 * token Fenerum charges) may be swapped.
 */
export async function findEarlierCard(deps: FindEarlierCardDeps, reg: Wanted): Promise<PaymentCard | undefined> {
  if (!reg.cardLast4) return undefined; // nothing to recognise the card by
  const cards = await deps.fenerum.listPaymentCards({ code: reg.accountCode, uuid: reg.accountUuid });
  for (const c of [...cards].reverse()) {
    const same =
      c.active &&
      c.accountUuid.toLowerCase() === reg.accountUuid.toLowerCase() &&
      c.gateway === reg.gateway &&
      c.last4 === reg.cardLast4 &&
      c.expMonth === (reg.cardExpMonth ?? 0) &&
      c.expYear === (reg.cardExpYear ?? 0);
    if (same && !(await deps.alreadyRegistered(c.uuid))) return c;
  }
  return undefined;
}
