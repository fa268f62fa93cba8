import type { Metadata } from 'next';
import Stripe from 'stripe';
import { z } from 'zod';
import { getCustomerSession } from '@/lib/auth/server';
import type { RegisterOutcome } from '@/lib/cards/stripe/register-setup-intent';
import { registerSetupIntentNow } from '@/lib/cards/stripe/server';
import { getTranslator } from '@/lib/i18n/server';
import { CardProblem, CardSaved, Finishing } from '../../card-saved';

export const metadata: Metadata = { title: 'Adding your card', referrer: 'no-referrer' };

const query = z.object({ setup_intent: z.string().regex(/^seti_[A-Za-z0-9]+$/), redirect_status: z.string().optional() });

/**
 * Where Stripe sends the customer after a redirect (3-D Secure on some banks, some wallets):
 * the SetupIntent is checked with Stripe and registered, as register-payment-card would.
 */
export default async function StripeReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ t }, session, params] = await Promise.all([getTranslator(), getCustomerSession(), searchParams]);
  if (!session) return <CardProblem title={t('portal.sessionEnded')} lead={t('portal.sessionEndedLead')} t={t} />;
  const parsed = query.safeParse(params);
  if (!parsed.success) return <CardProblem title={t('card.unknown')} lead={t('card.unknownLead')} t={t} />;
  if (parsed.data.redirect_status === 'failed') return <CardProblem title={t('card.failed')} lead={t('card.failedLead')} t={t} />;
  let outcome: RegisterOutcome | 'stripe-unavailable';
  try {
    outcome = await registerSetupIntentNow(parsed.data.setup_intent, session.accountCode);
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    outcome = 'stripe-unavailable';
  }
  if (outcome === 'stripe-unavailable') return <Finishing t={t} />;
  if (outcome.kind === 'refused') {
    // 409: not succeeded yet (SEPA can stay "processing" a while); the page asks again.
    if (outcome.status === 409) return <Finishing t={t} />;
    if (outcome.status === 422) return <CardProblem title={t('card.failed')} lead={t('card.failedLead')} t={t} />;
    return <CardProblem title={t('card.unknown')} lead={t('card.unknownLead')} t={t} />;
  }
  if (outcome.kind === 'registered' && outcome.card) return <CardSaved card={outcome.card} t={t} />;
  return <Finishing t={t} />;
}
