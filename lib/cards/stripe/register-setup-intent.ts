import type Stripe from 'stripe';
import type { Db } from '@/lib/db/connect';
import { brandName } from '@/lib/cards/brand';
import type { RegisterNowResult } from '@/lib/registrations/register-now';
import { findRegistration, queueRegistration, type CardSummary, type Registration } from '@/lib/registrations/store';
import { customerOf } from './customer';

export type RegisterDeps = { db: Db; stripe: Stripe; register: (id: string) => Promise<RegisterNowResult> };

export type RegisterOutcome =
  | { kind: 'registered' | 'pending'; card: CardSummary | null; registration: Registration }
  | { kind: 'refused'; status: 403 | 404 | 409 | 422; error: string };

const idOf = (x: string | { id: string } | null): string | null => (x === null ? null : typeof x === 'string' ? x : x.id);

function cardOf(pm: Stripe.PaymentMethod): CardSummary | null {
  if (pm.card) return { brand: brandName(pm.card.brand), last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year };
  if (pm.sepa_debit?.last4) return { brand: 'SEPA Direct Debit', last4: pm.sepa_debit.last4, expMonth: 0, expYear: 0 };
  return null;
}

/**
 * Registers the card behind a SetupIntent, from the browser after confirmSetup or from Stripe's
 * webhook: the SetupIntent is read from Stripe itself, must have succeeded, and must belong to
 * the account (`account`: the session's; null for the webhook, which trusts only our own
 * registration row). Fenerum gets it once per SetupIntent, whoever asks and however often.
 */
export async function registerSetupIntent(deps: RegisterDeps, setupIntentId: string, account: string | null): Promise<RegisterOutcome> {
  const reg = await findRegistration(deps.db, 'stripe_new', setupIntentId);
  // Refuse before asking Stripe: another account's id, or one this portal never made.
  if (!reg) return { kind: 'refused', status: 404, error: 'No card setup with that id was started here' };
  if (account !== null && reg.accountCode !== account) return { kind: 'refused', status: 403, error: 'That card setup belongs to another account' };
  if (reg.status === 'registered' || reg.status === 'queued') return finish(deps, reg);

  const intent = await deps.stripe.setupIntents.retrieve(setupIntentId, { expand: ['payment_method'] });
  const owner = await customerOf(deps.db, reg.accountCode);
  if (intent.metadata?.fenerum_account !== reg.accountCode || idOf(intent.customer) !== owner) {
    return { kind: 'refused', status: 403, error: 'That card setup belongs to another account' };
  }
  if (intent.status !== 'succeeded') {
    return { kind: 'refused', status: 409, error: `The card is not confirmed yet (Stripe status: ${intent.status})` };
  }
  const pm = intent.payment_method;
  if (!pm || typeof pm === 'string') return { kind: 'refused', status: 422, error: 'Stripe returned no payment method for this setup' };
  const queued = await queueRegistration(deps.db, reg.id, pm.id, cardOf(pm));
  return finish(deps, queued ?? reg);
}

async function finish(deps: RegisterDeps, reg: Registration): Promise<RegisterOutcome> {
  const result = reg.status === 'registered' ? { status: 'registered' as const, registration: reg } : await deps.register(reg.id);
  const r = result.registration;
  const card = r.cardLast4 ? { brand: r.cardBrand ?? 'Card', last4: r.cardLast4, expMonth: r.cardExpMonth ?? 0, expYear: r.cardExpYear ?? 0 } : null;
  if (result.status === 'failed') return { kind: 'refused', status: 422, error: 'Fenerum refused the card; please try another card' };
  return { kind: result.status === 'registered' ? 'registered' : 'pending', card, registration: r };
}
