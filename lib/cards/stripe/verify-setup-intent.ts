import Stripe from 'stripe';
import { brandName } from '@/lib/cards/brand';
import type { Db } from '@/lib/db/connect';
import type { CardSummary } from '@/lib/domain/cards';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { findRegistration, queueRegistration, type Registration } from '@/lib/registrations/store';
import { customerOf } from './customer';

export type VerifyDeps = { db: Db; stripe: Stripe };
export type Verified = { kind: 'verified'; registration: Registration };

const idOf = (x: string | { id: string } | null): string | null => (x === null ? null : typeof x === 'string' ? x : x.id);

/** What the customer is shown of a PaymentMethod (a card, or SEPA debit without expiry); also what an imported one shows. */
export function cardOf(pm: Stripe.PaymentMethod): CardSummary | null {
  if (pm.card) return { brand: brandName(pm.card.brand), last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year };
  if (pm.sepa_debit?.last4) return { brand: 'SEPA Direct Debit', last4: pm.sepa_debit.last4, expMonth: 0, expYear: 0 };
  return null;
}

/**
 * Verify, then queue: the SetupIntent is read from Stripe itself, must have succeeded and must
 * belong to the account (`account`: the session's; null for the webhook, which trusts only our
 * own registration row). Returns the registration, queued once however often it is asked; the
 * caller chooses when Fenerum is tried (lib/registrations/registrar.ts).
 */
export async function verifySetupIntent(deps: VerifyDeps, setupIntentId: string, account: string | null): Promise<Verified | Refused> {
  const reg = await findRegistration(deps.db, 'stripe_new', setupIntentId);
  // Refuse before asking Stripe: another account's id, or one this portal never made.
  if (!reg) return refused('not-found', 'noSuchSetup');
  if (account !== null && reg.accountCode !== account) return refused('other-account', 'setupOtherAccount');
  // An expired one is still asked about: Stripe may have confirmed it just before it was canceled.
  if (reg.status !== 'started' && reg.status !== 'expired') return { kind: 'verified', registration: reg };

  const intent = await deps.stripe.setupIntents.retrieve(setupIntentId, { expand: ['payment_method'] });
  // stripe-node returns any 4xx/5xx body without an `error` key as if it were the object (a proxy's outage page, say).
  if (intent?.object !== 'setup_intent') throw new Stripe.errors.StripeAPIError({ message: 'Stripe answered with something that is not a SetupIntent' });
  const owner = await customerOf(deps.db, reg.accountCode);
  if (intent.metadata?.fenerum_account !== reg.accountCode || idOf(intent.customer) !== owner) {
    return refused('other-account', 'setupOtherAccount');
  }
  if (intent.status !== 'succeeded') return refused('not-confirmed', 'cardNotConfirmed', { status: intent.status });
  const pm = intent.payment_method;
  if (!pm || typeof pm === 'string') return refused('no-payment-method', 'stripeNoPaymentMethod');
  const queued = await queueRegistration(deps.db, reg.id, pm.id, cardOf(pm));
  return { kind: 'verified', registration: queued ?? reg };
}
