import type Stripe from 'stripe';
import { idOf } from '@/lib/approvals/intent-state';
import { knownAccountCode } from '@/lib/approvals/known-accounts';
import { accountOfCustomer } from '@/lib/approvals/store';
import type { Db } from '@/lib/db/connect';
import type { FenerumClient } from '@/lib/fenerum/types';
import { accountsOf, matchingCards, type StripeCardFacts } from '@/lib/approvals/match-card';

export type AttributionDeps = {
  db: Db;
  stripe: Stripe;
  fenerum: Pick<FenerumClient, 'listAllPaymentCards' | 'listAccounts' | 'getAccount'>;
};

/** Why a payment could not be put on an account (staff see it as "unattributed"). */
export type UnattributedReason = 'no-card' | 'no-matching-card' | 'several-accounts' | 'unknown-account';

export type Attribution =
  | { kind: 'attributed'; accountCode: string; how: 'portal-customer' | 'fenerum-card' }
  | { kind: 'unattributed'; reason: UnattributedReason; card: StripeCardFacts | null; customer: string | null; accounts: number };

/** The card the PaymentIntent was (last) tried with, as Stripe describes it. */
export function cardOfIntent(pi: Stripe.PaymentIntent): StripeCardFacts | null {
  const pm = typeof pi.payment_method === 'object' && pi.payment_method ? pi.payment_method : (pi.last_payment_error?.payment_method ?? null);
  const c = pm?.card;
  return c ? { brand: c.brand, last4: c.last4, expMonth: c.exp_month, expYear: c.exp_year } : null;
}

/**
 * Whose payment this is, from Stripe and Fenerum, never from the webhook's payload:
 * 1. the PaymentIntent's Stripe customer is one this portal made (stripe_customers): that account;
 * 2. otherwise (a card saved through Fenerum's own link or Self-Service sits on a customer Fenerum
 *    made) the card Stripe says was charged is looked for among Fenerum's cards, by the documented
 *    fields (gateway, last four, month, year, brand): exactly one account holding such a card is
 *    the answer. None, or several (the same last four and expiry on two accounts), is
 *    unattributed: shown to staff, never guessed. Where several match, a Stripe customer that
 *    names one of them in the metadata this portal writes (`fenerum_account_uuid`) settles it.
 */
export async function attributePayment(deps: AttributionDeps, pi: Stripe.PaymentIntent): Promise<Attribution> {
  const customer = idOf(pi.customer);
  const ours = customer ? await accountOfCustomer(deps.db, customer) : undefined;
  if (ours) return { kind: 'attributed', accountCode: ours, how: 'portal-customer' };

  const card = cardOfIntent(pi);
  const unattributed = (reason: UnattributedReason, accounts = 0): Attribution => ({ kind: 'unattributed', reason, card, customer, accounts });
  if (!card) return unattributed('no-card');
  let uuids = accountsOf(matchingCards(card, await deps.fenerum.listAllPaymentCards()));
  if (uuids.length === 0) return unattributed('no-matching-card');
  if (uuids.length > 1) {
    const named = customer ? await metadataAccountOf(deps.stripe, customer) : null;
    if (!named || !uuids.includes(named)) return unattributed('several-accounts', uuids.length);
    uuids = [named];
  }
  const [uuid] = uuids;
  const code = uuid ? await accountCodeOf(deps, uuid) : null;
  return code ? { kind: 'attributed', accountCode: code, how: 'fenerum-card' } : unattributed('unknown-account', 1);
}

/** The account uuid a Stripe customer names in this portal's own metadata key, if it does. */
async function metadataAccountOf(stripe: Stripe, customerId: string): Promise<string | null> {
  const c = await stripe.customers.retrieve(customerId);
  if (c.deleted) return null;
  const uuid = c.metadata?.fenerum_account_uuid;
  return typeof uuid === 'string' && uuid ? uuid.toLowerCase() : null;
}

/** An account uuid's code: from a link or card this portal made for it, else from Fenerum's account list. */
async function accountCodeOf(deps: AttributionDeps, uuid: string): Promise<string | null> {
  const known = await knownAccountCode(deps.db, uuid);
  if (known) return known;
  const all = await deps.fenerum.listAccounts();
  return all.find((a) => a.uuid.toLowerCase() === uuid)?.code ?? null;
}
