import Stripe from 'stripe';
import type { Db } from '@/lib/db/connect';
import type { FenerumClient } from '@/lib/fenerum/types';
import type { Registration } from '@/lib/registrations/store';
import { isStripeError } from '@/lib/stripe/errors';
import { knownAccountUuid } from './known-accounts';
import { settleApproval } from './settle';
import { getApproval } from './store';

export type FollowDeps = { db: Db; stripe: Stripe; fenerum: Pick<FenerumClient, 'getAccount' | 'listPaymentCards'> };
export type Followed = { result: 'ignored' | 'pending' | 'processing' | 'succeeded' | 'canceled'; note?: string; registration?: Registration };

/**
 * Stripe's payment_intent.succeeded / .payment_failed / .canceled / .processing, after the
 * customer's browser is gone (PROVIDERS.md: business-critical work belongs in a webhook). Only a
 * PaymentIntent with an approval row is acted on (every other payment Fenerum takes raises these
 * events too); it is re-read from Stripe, never taken from the event, and goes through the same
 * use case as the approval page, so a new card the customer paid with reaches Fenerum once.
 */
export async function followPaymentEvent(deps: FollowDeps, paymentIntentId: string): Promise<Followed> {
  const row = await getApproval(deps.db, paymentIntentId);
  if (!row) return { result: 'ignored' };
  const pi = await deps.stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['payment_method'] }).catch((err: unknown) => {
    if (isStripeError(err) && err.code === 'resource_missing') return null;
    throw err;
  });
  if (!pi) return { result: 'ignored', note: 'Stripe does not know this PaymentIntent' };
  if (pi.object !== 'payment_intent') throw new Stripe.errors.StripeAPIError({ message: 'Stripe answered with something that is not a PaymentIntent' });
  const accountUuid = await accountUuidOf(deps, row.accountCode);
  const { status, registration } = await settleApproval(deps, { accountCode: row.accountCode, accountUuid }, pi, 'stripe');
  return { result: status, registration };
}

/** The account's Fenerum uuid: from a link or card this portal made for it, else asked of Fenerum. */
async function accountUuidOf(deps: FollowDeps, accountCode: string): Promise<string> {
  return (await knownAccountUuid(deps.db, accountCode)) ?? (await deps.fenerum.getAccount(accountCode)).uuid;
}
