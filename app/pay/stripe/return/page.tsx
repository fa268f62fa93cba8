import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { verifySetupIntent } from '@/lib/cards/stripe/verify-setup-intent';
import type { RefusalReason } from '@/lib/domain/outcomes';
import { isRefused } from '@/lib/domain/outcomes';
import { providerFailure } from '@/lib/server/errors';
import type { RegisterNowResult } from '@/lib/registrations/registrar';
import { cardSummaryOf } from '@/lib/registrations/store';
import { customerPage } from '@/lib/server/customer-page';
import { CardProblem, CardSaved, Finishing } from '../../card-saved';
import { SessionEnded } from '../../session-ended';

export const metadata: Metadata = { title: 'Adding your card', referrer: 'no-referrer' };

const query = z.object({ setup_intent: z.string().regex(/^seti_[A-Za-z0-9]+$/), redirect_status: z.string().optional() });

/**
 * Where Stripe sends the customer after a redirect (3-D Secure on some banks, some wallets):
 * the SetupIntent is checked with Stripe and registered, as register-payment-card would.
 */
export default async function StripeReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, { ctx, session }, params] = await Promise.all([getTranslations('card'), customerPage(), searchParams]);
  if (!session) return <SessionEnded />;
  const parsed = query.safeParse(params);
  if (!parsed.success) return <CardProblem title={t('unknown')} lead={t('unknownLead')} />;
  if (parsed.data.redirect_status === 'failed') return <CardProblem title={t('failed')} lead={t('failedLead')} />;
  let outcome: RegisterNowResult | RefusalReason;
  try {
    const verified = await verifySetupIntent(ctx, parsed.data.setup_intent, session.accountCode);
    outcome = isRefused(verified) ? verified.reason : await ctx.registrar.tryNow(verified.registration.id, 4_000);
  } catch (err) {
    // Stripe or Fenerum not answering: the card is safe; the page asks again in a moment.
    if (!providerFailure(err)) throw err;
    return <Finishing />;
  }
  // Not succeeded yet (SEPA can stay "processing" a while): the page asks again.
  if (outcome === 'not-confirmed') return <Finishing />;
  if (outcome === 'no-payment-method' || (typeof outcome === 'object' && outcome.status === 'failed')) {
    return <CardProblem title={t('failed')} lead={t('failedLead')} />;
  }
  if (typeof outcome === 'string') return <CardProblem title={t('unknown')} lead={t('unknownLead')} />;
  const card = cardSummaryOf(outcome.registration);
  if (outcome.status === 'registered' && card) return <CardSaved card={card} />;
  return <Finishing />;
}
