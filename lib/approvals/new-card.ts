import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { brandName } from '@/lib/cards/brand';
import type { Db } from '@/lib/db/connect';
import { and, eq } from 'drizzle-orm';
import { registrations } from '@/lib/db/schema';
import type { FenerumClient } from '@/lib/fenerum/types';
import { findRegistration, queueRegistration, startRegistration, type Registration } from '@/lib/registrations/store';
import { matchingCards } from './match-card';
import { log } from '@/lib/log';

export type NewCardDeps = { db: Db; fenerum: Pick<FenerumClient, 'listPaymentCards'> };

/**
 * The card a customer paid with on the approval page, saved for off-session use: queued for
 * Fenerum through the same registrations as every card, keyed by the PaymentIntent, so however
 * often the page or a reload asks, it is one registration and one Fenerum card. The saved card
 * the customer approved with (approved with setup_future_usage too) is not registered again:
 * this portal registered it, or Fenerum already holds the same card (its own link or
 * Self-Service), recognised by the documented fields.
 */
export async function queueCardFromPayment(
  { db, fenerum }: NewCardDeps,
  account: { accountCode: string; accountUuid: string },
  paymentIntentId: string,
  pm: Stripe.PaymentMethod,
): Promise<Registration | undefined> {
  const existing = await findRegistration(db, 'stripe_new', paymentIntentId);
  // The saved card the customer approved with is already Fenerum's: nothing new to register.
  if (!existing && (await holdsToken(db, account.accountCode, pm.id))) return undefined;
  if (!existing && pm.card && (await fenerumHolds(fenerum, account, pm.card))) return undefined;
  const reg =
    existing ??
    (await startRegistration(db, { id: randomUUID(), gateway: 'stripe_new', providerRef: paymentIntentId, ...account }).catch(async (err: unknown) => {
      // Another request made it a moment ago: that one is ours too.
      const raced = await findRegistration(db, 'stripe_new', paymentIntentId);
      if (!raced) throw err;
      return raced;
    }));
  const card = pm.card ? { brand: brandName(pm.card.brand), last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year } : null;
  return (await queueRegistration(db, reg.id, pm.id, card)) ?? reg;
}

/**
 * Whether Fenerum already holds this card on the account. Fenerum not answering is "no": the card
 * is queued (at worst Fenerum gets the same card twice), rather than the paid customer seeing an error.
 */
async function fenerumHolds(fenerum: NewCardDeps['fenerum'], account: { accountCode: string; accountUuid: string }, card: Stripe.PaymentMethod.Card) {
  const cards = await fenerum.listPaymentCards({ code: account.accountCode, uuid: account.accountUuid }).catch((err: unknown) => {
    log.warn({ account: account.accountCode, err }, "approvals: could not read the account's Fenerum cards; the card paid with is queued");
    return [];
  });
  return matchingCards({ brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year }, cards).some((c) => c.active);
}

async function holdsToken(db: Db, accountCode: string, token: string): Promise<boolean> {
  const rows = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.accountCode, accountCode), eq(registrations.token, token)))
    .limit(1);
  return rows.length > 0;
}
